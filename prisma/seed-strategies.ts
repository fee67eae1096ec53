// Demo strategies and DSI assessments. DEMO DATA ONLY: every text is
// fictional (marked as such in its title and summary), and so are the scores.
// Made only through the domain services, so versions, translations,
// publication and the audit chain are what real use produces. Called once, on
// an empty database, after `seedDemo()` has created the delegations and people.
import type { DsiDimension, Role } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { publishAssessment, saveAssessment, submitAssessment } from "~/modules/dsi/assessment.server";
import { DSI_INDICATORS, type DsiIndicatorKey } from "~/modules/dsi/constants";
import type { StrategySector } from "~/modules/strategy/constants";
import { createStrategy, getVersionText, publishStrategy, saveTranslation, saveVersion, supersedeStrategy } from "~/modules/strategy/strategy.server";
import { actorFor, createUser } from "./factories";
import { DEMO_PASSWORD, demoEmail } from "./demo-accounts";

type Notes = Partial<Record<DsiDimension, string>>;
type Text = { title: string; summary: string; issuingAuthority: string; dimensionNotes: Notes; sections: { heading: string; body: string }[] };
type Meta = { adoptedOn?: string; dimensions: DsiDimension[]; sectors: StrategySector[] };
type Translation = { language: string; kind: "OFFICIAL_TRANSLATION" | "UNOFFICIAL_TRANSLATION"; text: Text };

const paras = (...blocks: string[]) => blocks.join("\n\n");
const list = (...items: string[]) => items.map((item) => `- ${item}`).join("\n");

/**
 * Heads for member delegations the main seed gives none: a self-assessment is
 * signed by a head, and the index should show most members. Fictional people.
 */
const EXTRA_HEADS = [
  { code: "RU", name: "Dmitri Volkov", locale: "ru" },
  { code: "ID", name: "Budi Santoso", locale: "id" },
  { code: "ET", name: "Hana Girma", locale: "en" },
  { code: "IR", name: "Reza Karimi", locale: "fa" },
];

// ---------------------------------------------------------------------------
// Brazil: Portuguese original, two versions, official English and unofficial Spanish translations. Public.

const BR_META_V1: Meta = {
  adoptedOn: "2024-07-30",
  dimensions: ["DATA_OWNERSHIP", "DIGITAL_INFRASTRUCTURE", "DIGITAL_CAPABILITY"],
  sectors: ["HEALTH", "EDUCATION", "AGRICULTURE", "PUBLIC_SERVICES"],
};
const BR_META_V2: Meta = { ...BR_META_V1, sectors: [...BR_META_V1.sectors, "CLIMATE"] };

const brPt = (v: 1 | 2): Text => ({
  title: "Estratégia Brasileira de IA Soberana 2024–2030 (texto de demonstração)",
  summary:
    "Texto fictício, para demonstração. Define como o Brasil desenvolverá e usará a inteligência artificial com dados, infraestrutura e talentos sob controle nacional, a serviço das políticas públicas.",
  issuingAuthority: "Ministério da Ciência, Tecnologia e Inovação",
  dimensionNotes: {
    DATA_OWNERSHIP:
      "Dados públicos estratégicos (saúde, educação, cadastros sociais) são armazenados e processados no Brasil, sob a LGPD e a supervisão da autoridade nacional de proteção de dados.",
    DIGITAL_INFRASTRUCTURE:
      v === 1
        ? "Uma rede pública de supercomputação e uma nuvem de governo operada por empresas públicas de tecnologia."
        : "Uma rede pública de supercomputação e, até 2027, uma nuvem de governo operada por empresas públicas de tecnologia.",
    DIGITAL_CAPABILITY:
      v === 1
        ? "Formação de 50 mil especialistas em IA até 2030 e modelos de linguagem em português."
        : "Formação de 75 mil especialistas em IA até 2030 e modelos de linguagem em português e em línguas indígenas.",
  },
  sections: [
    {
      heading: "Visão",
      body: "O Brasil usará a inteligência artificial para melhorar os serviços públicos, aumentar a produtividade do agronegócio e da indústria e reduzir desigualdades, **sem abrir mão do controle** sobre seus dados e sua infraestrutura.",
    },
    {
      heading: "Dados",
      body: paras(
        "Os dados produzidos pelo Estado são um patrimônio público.",
        list(
          "Os dados de saúde, educação e assistência social serão armazenados e processados em território nacional.",
          "Cada conjunto de dados público terá um curador designado, uma licença e informações de qualidade.",
          "A transferência internacional de dados públicos sensíveis dependerá de acordo que garanta proteção equivalente.",
        ),
      ),
    },
    {
      heading: "Infraestrutura",
      body:
        v === 1
          ? "O governo federal ampliará a rede pública de supercomputação e contratará uma nuvem de governo operada por empresas públicas, com padrões abertos que evitem a dependência de um único fornecedor."
          : "O governo federal ampliará a rede pública de supercomputação e, até 2027, migrará os sistemas críticos para uma nuvem de governo operada por empresas públicas, com padrões abertos que evitem a dependência de um único fornecedor. Os novos centros de dados usarão energia renovável.",
    },
    {
      heading: "Talentos e pesquisa",
      body:
        v === 1
          ? "Serão formados 50 mil especialistas em IA até 2030. Universidades públicas desenvolverão modelos de linguagem abertos em português."
          : "Serão formados 75 mil especialistas em IA até 2030, com bolsas reservadas para estudantes das regiões Norte e Nordeste. Universidades públicas desenvolverão modelos de linguagem abertos em português e em línguas indígenas.",
    },
  ],
});

const BR_EN: Text = {
  title: "Brazilian Sovereign AI Strategy 2024–2030 (demonstration text)",
  summary:
    "Fictional text, for demonstration. Sets out how Brazil will develop and use artificial intelligence with data, infrastructure and talent under national control, in the service of public policy.",
  issuingAuthority: "Ministry of Science, Technology and Innovation",
  dimensionNotes: {
    DATA_OWNERSHIP:
      "Strategic public data (health, education, social registries) is stored and processed in Brazil, under the LGPD and the oversight of the national data protection authority.",
    DIGITAL_INFRASTRUCTURE: "A public supercomputing network and, by 2027, a government cloud operated by public technology companies.",
    DIGITAL_CAPABILITY: "75,000 AI specialists trained by 2030, and language models in Portuguese and in Indigenous languages.",
  },
  sections: [
    {
      heading: "Vision",
      body: "Brazil will use artificial intelligence to improve public services, raise productivity in agribusiness and industry and reduce inequality, **without giving up control** over its data and its infrastructure.",
    },
    {
      heading: "Data",
      body: paras(
        "Data produced by the State is a public asset.",
        list(
          "Health, education and social assistance data will be stored and processed on national territory.",
          "Each public dataset will have a designated steward, a licence and quality information.",
          "International transfers of sensitive public data will require an agreement guaranteeing equivalent protection.",
        ),
      ),
    },
    {
      heading: "Infrastructure",
      body: "The federal government will expand the public supercomputing network and, by 2027, move critical systems to a government cloud operated by public companies, with open standards that avoid dependence on a single supplier. New data centres will run on renewable energy.",
    },
    {
      heading: "Talent and research",
      body: "75,000 AI specialists will be trained by 2030, with scholarships reserved for students from the North and Northeast regions. Public universities will develop open language models in Portuguese and in Indigenous languages.",
    },
  ],
};

const BR_ES: Text = {
  title: "Estrategia Brasileña de IA Soberana 2024–2030 (texto de demostración)",
  summary:
    "Texto ficticio, para demostración. Define cómo el Brasil desarrollará y utilizará la inteligencia artificial con datos, infraestructura y talento bajo control nacional, al servicio de las políticas públicas.",
  issuingAuthority: "Ministerio de Ciencia, Tecnología e Innovación",
  dimensionNotes: {
    DATA_OWNERSHIP:
      "Los datos públicos estratégicos (salud, educación, registros sociales) se almacenan y procesan en el Brasil, con arreglo a la LGPD y bajo la supervisión de la autoridad nacional de protección de datos.",
    DIGITAL_INFRASTRUCTURE: "Una red pública de supercomputación y, para 2027, una nube gubernamental gestionada por empresas públicas de tecnología.",
    DIGITAL_CAPABILITY: "75.000 especialistas en IA formados para 2030 y modelos de lenguaje en portugués y en lenguas indígenas.",
  },
  sections: [
    {
      heading: "Visión",
      body: "El Brasil utilizará la inteligencia artificial para mejorar los servicios públicos, aumentar la productividad de la agroindustria y la industria y reducir las desigualdades, **sin renunciar al control** de sus datos y su infraestructura.",
    },
    {
      heading: "Datos",
      body: paras(
        "Los datos que produce el Estado son un patrimonio público.",
        list(
          "Los datos de salud, educación y asistencia social se almacenarán y procesarán en el territorio nacional.",
          "Cada conjunto de datos público tendrá un responsable designado, una licencia e información de calidad.",
          "La transferencia internacional de datos públicos sensibles requerirá un acuerdo que garantice una protección equivalente.",
        ),
      ),
    },
    {
      heading: "Infraestructura",
      body: "El gobierno federal ampliará la red pública de supercomputación y, para 2027, trasladará los sistemas críticos a una nube gubernamental gestionada por empresas públicas, con estándares abiertos que eviten la dependencia de un único proveedor. Los nuevos centros de datos funcionarán con energía renovable.",
    },
    {
      heading: "Talento e investigación",
      body: "Se formarán 75.000 especialistas en IA para 2030, con becas reservadas a estudiantes de las regiones Norte y Nordeste. Las universidades públicas desarrollarán modelos de lenguaje abiertos en portugués y en lenguas indígenas.",
    },
  ],
};

// ---------------------------------------------------------------------------
// India: English original, two versions, official Hindi and unofficial French translations. Public.

const IN_META: Meta = {
  adoptedOn: "2024-03-07",
  dimensions: ["DATA_OWNERSHIP", "DIGITAL_INFRASTRUCTURE", "DIGITAL_CAPABILITY"],
  sectors: ["HEALTH", "AGRICULTURE", "EDUCATION", "FINANCE", "PUBLIC_SERVICES"],
};
const IN_META_V2: Meta = { ...IN_META, dimensions: [...IN_META.dimensions, "DIGITAL_GOVERNANCE"] };

const inEn = (v: 1 | 2): Text => ({
  title: "National Strategy for Sovereign AI: AI for All, Built at Home (demonstration text)",
  summary:
    "Fictional text, for demonstration. Sets out how India builds shared compute, open datasets in its languages and foundation models for public services, under Indian law.",
  issuingAuthority: "Ministry of Electronics and Information Technology",
  dimensionNotes: {
    DATA_OWNERSHIP:
      "Non-personal public data is pooled in a national data platform under Indian jurisdiction; personal data is governed by the Digital Personal Data Protection Act.",
    DIGITAL_INFRASTRUCTURE:
      v === 1
        ? "A shared national compute facility of 10,000 GPUs, open to start-ups, researchers and ministries at subsidised rates."
        : "A shared national compute facility of 18,000 GPUs, open to start-ups, researchers and ministries at subsidised rates.",
    DIGITAL_CAPABILITY: "Foundation models trained on datasets in all 22 scheduled languages, and AI courses in every engineering college.",
    ...(v === 2 ? { DIGITAL_GOVERNANCE: "An inter-ministerial AI council reviews the strategy every two years and publishes its findings." } : {}),
  },
  sections: [
    {
      heading: "Purpose",
      body: "AI should reach every citizen, in every Indian language. This strategy builds the public foundations — compute, data and models — on which Indian institutions and firms can build their own applications.",
    },
    {
      heading: "Compute for all",
      body:
        v === 1
          ? "A shared national compute facility of **10,000 GPUs** will be made available to start-ups, researchers and ministries at subsidised rates."
          : "A shared national compute facility of **18,000 GPUs** will be made available to start-ups, researchers and ministries at subsidised rates, with a quarter reserved for public-interest research.",
    },
    {
      heading: "Data and languages",
      body: paras(
        "Open datasets will be built in all 22 scheduled languages, with speech and text collected with the consent of contributors.",
        "Non-personal public data will be pooled in a national platform hosted in India.",
      ),
    },
    {
      heading: "Governance and review",
      body:
        v === 1
          ? "The Ministry will report on progress each year."
          : "An inter-ministerial AI council will review this strategy every two years, consult states and civil society, and publish its findings.",
    },
  ],
});

const IN_HI: Text = {
  title: "संप्रभु एआई के लिए राष्ट्रीय रणनीति: सबके लिए एआई, देश में निर्मित (प्रदर्शन पाठ)",
  summary: "प्रदर्शन के लिए काल्पनिक पाठ। बताता है कि भारत भारतीय क़ानून के तहत साझा कंप्यूट, अपनी भाषाओं में खुले डेटासेट और सार्वजनिक सेवाओं के लिए आधार मॉडल कैसे बनाएगा।",
  issuingAuthority: "इलेक्ट्रॉनिकी और सूचना प्रौद्योगिकी मंत्रालय",
  dimensionNotes: {
    DATA_OWNERSHIP: "गैर-व्यक्तिगत सार्वजनिक डेटा भारतीय अधिकार-क्षेत्र में एक राष्ट्रीय डेटा मंच पर एकत्र किया जाता है; व्यक्तिगत डेटा डिजिटल व्यक्तिगत डेटा संरक्षण अधिनियम के अधीन है।",
    DIGITAL_INFRASTRUCTURE: "18,000 जीपीयू की एक साझा राष्ट्रीय कंप्यूट सुविधा, जो स्टार्ट-अप, शोधकर्ताओं और मंत्रालयों के लिए रियायती दरों पर उपलब्ध है।",
    DIGITAL_CAPABILITY: "सभी 22 अनुसूचित भाषाओं के डेटासेट पर प्रशिक्षित आधार मॉडल, और हर इंजीनियरिंग कॉलेज में एआई पाठ्यक्रम।",
    DIGITAL_GOVERNANCE: "एक अंतर-मंत्रालयी एआई परिषद हर दो वर्ष में रणनीति की समीक्षा करती है और अपने निष्कर्ष प्रकाशित करती है।",
  },
  sections: [
    {
      heading: "उद्देश्य",
      body: "एआई हर नागरिक तक, हर भारतीय भाषा में पहुँचना चाहिए। यह रणनीति वे सार्वजनिक आधार — कंप्यूट, डेटा और मॉडल — बनाती है जिन पर भारतीय संस्थाएँ और कंपनियाँ अपने अनुप्रयोग बना सकें।",
    },
    {
      heading: "सबके लिए कंप्यूट",
      body: "**18,000 जीपीयू** की एक साझा राष्ट्रीय कंप्यूट सुविधा स्टार्ट-अप, शोधकर्ताओं और मंत्रालयों को रियायती दरों पर उपलब्ध कराई जाएगी, जिसका एक-चौथाई हिस्सा जनहित अनुसंधान के लिए आरक्षित रहेगा।",
    },
    {
      heading: "डेटा और भाषाएँ",
      body: paras(
        "सभी 22 अनुसूचित भाषाओं में खुले डेटासेट बनाए जाएँगे, जिनमें वाक् और पाठ योगदानकर्ताओं की सहमति से एकत्र किए जाएँगे।",
        "गैर-व्यक्तिगत सार्वजनिक डेटा भारत में होस्ट किए गए एक राष्ट्रीय मंच पर एकत्र किया जाएगा।",
      ),
    },
    { heading: "शासन और समीक्षा", body: "एक अंतर-मंत्रालयी एआई परिषद हर दो वर्ष में इस रणनीति की समीक्षा करेगी, राज्यों और नागरिक समाज से परामर्श करेगी और अपने निष्कर्ष प्रकाशित करेगी।" },
  ],
};

const IN_FR: Text = {
  title: "Stratégie nationale pour une IA souveraine : l’IA pour tous, conçue dans le pays (texte de démonstration)",
  summary:
    "Texte fictif, à des fins de démonstration. Expose comment l’Inde met en place, dans le cadre du droit indien, des capacités de calcul partagées, des jeux de données ouverts dans ses langues et des modèles de fondation pour les services publics.",
  issuingAuthority: "Ministère de l’électronique et des technologies de l’information",
  dimensionNotes: {
    DATA_OWNERSHIP:
      "Les données publiques non personnelles sont mises en commun sur une plateforme nationale relevant de la juridiction indienne ; les données personnelles relèvent de la loi sur la protection des données personnelles numériques.",
    DIGITAL_INFRASTRUCTURE: "Une installation nationale de calcul partagée de 18 000 GPU, ouverte aux jeunes pousses, aux chercheurs et aux ministères à tarif subventionné.",
    DIGITAL_CAPABILITY:
      "Des modèles de fondation entraînés sur des jeux de données dans les 22 langues inscrites à la Constitution, et des cours d’IA dans chaque école d’ingénieurs.",
    DIGITAL_GOVERNANCE: "Un conseil interministériel de l’IA examine la stratégie tous les deux ans et publie ses conclusions.",
  },
  sections: [
    {
      heading: "Objet",
      body: "L’IA doit atteindre chaque citoyen, dans chaque langue de l’Inde. Cette stratégie construit les fondations publiques — calcul, données et modèles — sur lesquelles les institutions et les entreprises indiennes pourront bâtir leurs propres applications.",
    },
    {
      heading: "Du calcul pour tous",
      body: "Une installation nationale de calcul partagée de **18 000 GPU** sera mise à la disposition des jeunes pousses, des chercheurs et des ministères à tarif subventionné, dont un quart réservé à la recherche d’intérêt public.",
    },
    {
      heading: "Données et langues",
      body: paras(
        "Des jeux de données ouverts seront constitués dans les 22 langues inscrites à la Constitution, la parole et les textes étant recueillis avec le consentement des contributeurs.",
        "Les données publiques non personnelles seront mises en commun sur une plateforme nationale hébergée en Inde.",
      ),
    },
    {
      heading: "Gouvernance et examen",
      body: "Un conseil interministériel de l’IA examinera cette stratégie tous les deux ans, consultera les États fédérés et la société civile, et publiera ses conclusions.",
    },
  ],
};

// ---------------------------------------------------------------------------
// China: Chinese original, two versions, unofficial English translation. Members only.

const CN_META: Meta = {
  adoptedOn: "2023-11-20",
  dimensions: ["DIGITAL_INFRASTRUCTURE", "DATA_OWNERSHIP", "DIGITAL_GOVERNANCE"],
  sectors: ["INDUSTRY", "TRANSPORT", "HEALTH", "ENERGY"],
};

const cnZh = (v: 1 | 2): Text => ({
  title: "国家主权人工智能发展战略（演示文本）",
  summary: "虚构文本，仅供演示。提出以自主可控的算力、数据和治理体系支撑人工智能发展，服务实体经济和公共服务。",
  issuingAuthority: "科学技术部",
  dimensionNotes: {
    DATA_OWNERSHIP: "建立数据分类分级保护制度，重要数据境内存储，出境须经安全评估。",
    DIGITAL_INFRASTRUCTURE: v === 1 ? "建设全国一体化算力网络，推动东西部算力协同。" : "建设全国一体化算力网络，推动东西部算力协同，新建数据中心全部使用绿色电力。",
    DIGITAL_GOVERNANCE: "对生成式人工智能服务实行备案管理，并积极参与全球人工智能治理规则制定。",
  },
  sections: [
    { heading: "总体目标", body: "到 2030 年，形成自主可控的人工智能技术体系和产业生态，人工智能在制造、交通、医疗和能源等领域得到广泛应用。" },
    {
      heading: "算力基础设施",
      body:
        v === 1
          ? "建设全国一体化算力网络，统筹布局国家算力枢纽节点，推动东西部算力协同。"
          : "建设全国一体化算力网络，统筹布局国家算力枢纽节点，推动东西部算力协同。新建数据中心全部使用绿色电力，电能利用效率不高于 1.25。",
    },
    { heading: "数据要素", body: "建立数据分类分级保护制度。重要数据在境内存储，确需出境的，应当通过安全评估。推动公共数据有序开放。" },
    { heading: "治理与安全", body: "对生成式人工智能服务实行备案管理，开展算法安全评估，积极参与全球人工智能治理规则和标准的制定。" },
  ],
});

const CN_EN: Text = {
  title: "National Strategy for the Development of Sovereign AI (demonstration text)",
  summary:
    "Fictional text, for demonstration only. Proposes supporting AI development with self-reliant compute, data and governance systems that serve the real economy and public services.",
  issuingAuthority: "Ministry of Science and Technology",
  dimensionNotes: {
    DATA_OWNERSHIP: "A system of data protection by category and grade; important data is stored in the country, and transfers abroad require a security assessment.",
    DIGITAL_INFRASTRUCTURE: "A nationally integrated compute network that balances capacity between east and west; all new data centres run on green electricity.",
    DIGITAL_GOVERNANCE: "Generative AI services are registered, and the country takes an active part in making global AI governance rules.",
  },
  sections: [
    {
      heading: "Overall objectives",
      body: "By 2030, a self-reliant AI technology system and industrial ecosystem, with AI widely used in manufacturing, transport, health care and energy.",
    },
    {
      heading: "Compute infrastructure",
      body: "Build a nationally integrated compute network, plan national compute hubs as a whole and balance capacity between east and west. All new data centres will use green electricity, with a power usage effectiveness of at most 1.25.",
    },
    {
      heading: "Data as a factor of production",
      body: "Establish data protection by category and grade. Important data is stored in the country; where it must leave, it shall pass a security assessment. Open public data in an orderly way.",
    },
    {
      heading: "Governance and security",
      body: "Register generative AI services, carry out algorithm security assessments, and take an active part in making global AI governance rules and standards.",
    },
  ],
};

// ---------------------------------------------------------------------------
// South Africa: a 2020 framework (two versions), superseded by the 2025 strategy (two versions). Public.

const ZA_OLD_META: Meta = { adoptedOn: "2020-10-01", dimensions: ["DIGITAL_CAPABILITY", "DIGITAL_GOVERNANCE"], sectors: ["EDUCATION", "LABOUR"] };
const zaOld = (v: 1 | 2): Text => ({
  title: "National AI Policy Framework 2020 (demonstration text)",
  summary: "Fictional text, for demonstration. A first framework for artificial intelligence focused on skills and on ethical principles for its use.",
  issuingAuthority: "Department of Communications and Digital Technologies",
  dimensionNotes: {
    DIGITAL_CAPABILITY: v === 1 ? "AI modules in university curricula." : "AI modules in university curricula and a national AI skills fund.",
    DIGITAL_GOVERNANCE: "Voluntary ethical principles for the use of AI by public bodies.",
  },
  sections: [
    {
      heading: "Skills",
      body:
        v === 1
          ? "Universities are encouraged to add AI modules to their curricula."
          : "Universities are encouraged to add AI modules to their curricula, supported by a national AI skills fund.",
    },
    { heading: "Ethics", body: "Public bodies should follow voluntary principles of fairness, transparency and accountability when they use AI." },
  ],
});

const ZA_NEW_META: Meta = {
  adoptedOn: "2025-06-16",
  dimensions: ["DATA_OWNERSHIP", "DIGITAL_INFRASTRUCTURE", "DIGITAL_GOVERNANCE", "DIGITAL_CAPABILITY"],
  sectors: ["HEALTH", "EDUCATION", "PUBLIC_SERVICES", "LABOUR", "CULTURE"],
};
const zaNew = (v: 1 | 2): Text => ({
  title: "South African Sovereign AI Strategy 2025–2035 (demonstration text)",
  summary:
    "Fictional text, for demonstration. Replaces the 2020 framework with binding rules for public-sector AI, shared compute for the region and language technology for all eleven official spoken languages.",
  issuingAuthority: "Department of Communications and Digital Technologies",
  dimensionNotes: {
    DATA_OWNERSHIP: "Public data about South Africans stays under South African law; the Information Regulator audits transfers abroad.",
    DIGITAL_INFRASTRUCTURE: "A regional compute centre shared with SADC partners, with capacity allocated by open criteria.",
    DIGITAL_GOVERNANCE: "Binding impact assessments before any public body deploys an AI system that affects rights.",
    DIGITAL_CAPABILITY:
      v === 1 ? "Speech and text technology for all official languages." : "Speech and text technology for all eleven official spoken languages and South African Sign Language.",
  },
  sections: [
    {
      heading: "Why a new strategy",
      body: "The 2020 framework relied on voluntary principles. Five years on, public bodies use AI in decisions about grants, health and policing: the rules must be binding.",
    },
    {
      heading: "Public-sector AI",
      body: "No public body may deploy an AI system that affects people's rights without a published impact assessment and a named official who answers for it.",
    },
    {
      heading: "Compute and data",
      body: "South Africa will host a regional compute centre with its SADC partners. Public data about South Africans stays under South African law.",
    },
    {
      heading: "Languages",
      body:
        v === 1
          ? "Speech and text technology will be developed for all official languages."
          : "Speech and text technology will be developed for all eleven official spoken languages and for South African Sign Language, with community language boards deciding how their data is used.",
    },
  ],
});

// ---------------------------------------------------------------------------
// Egypt: Arabic original, two versions, official English translation. Public.

const EG_META: Meta = {
  adoptedOn: "2025-01-12",
  dimensions: ["DIGITAL_CAPABILITY", "DIGITAL_INFRASTRUCTURE", "DATA_OWNERSHIP"],
  sectors: ["AGRICULTURE", "HEALTH", "CULTURE", "PUBLIC_SERVICES"],
};
const egAr = (v: 1 | 2): Text => ({
  title: "الاستراتيجية الوطنية للذكاء الاصطناعي السيادي 2025–2030 (نص تجريبي)",
  summary: "نص متخيَّل لأغراض العرض فقط. يحدد كيف تبني مصر قدراتها الوطنية في الذكاء الاصطناعي، باللغة العربية أولًا، وعلى بنية تحتية وبيانات خاضعة للقانون المصري.",
  issuingAuthority: "وزارة الاتصالات وتكنولوجيا المعلومات",
  dimensionNotes: {
    DATA_OWNERSHIP: "تُحفظ البيانات الحكومية الحساسة داخل مصر وفقًا لقانون حماية البيانات الشخصية.",
    DIGITAL_INFRASTRUCTURE: v === 1 ? "مركز بيانات حكومي للحوسبة عالية الأداء." : "مركز بيانات حكومي للحوسبة عالية الأداء يعمل بالطاقة الشمسية.",
    DIGITAL_CAPABILITY: "نماذج لغوية عربية مفتوحة، وتدريب ثلاثين ألف متخصص بحلول 2030.",
  },
  sections: [
    { heading: "الرؤية", body: "أن يكون الذكاء الاصطناعي أداة للتنمية في مصر، يتحدث العربية ويخدم المواطن في الزراعة والصحة والخدمات الحكومية." },
    { heading: "اللغة العربية", body: "تطوير نماذج لغوية عربية مفتوحة تراعي اللهجات المصرية، وإتاحة مجموعات بيانات عربية للباحثين." },
    {
      heading: "البنية التحتية",
      body: v === 1 ? "إنشاء مركز بيانات حكومي للحوسبة عالية الأداء." : "إنشاء مركز بيانات حكومي للحوسبة عالية الأداء يعمل بالطاقة الشمسية في جنوب الوادي.",
    },
    { heading: "الكفاءات", body: "تدريب ثلاثين ألف متخصص في الذكاء الاصطناعي بحلول عام 2030 بالتعاون مع الجامعات المصرية." },
  ],
});
const EG_EN: Text = {
  title: "National Strategy for Sovereign Artificial Intelligence 2025–2030 (demonstration text)",
  summary: "Fictional text, for demonstration only. Sets out how Egypt builds its national AI capabilities, in Arabic first, on infrastructure and data subject to Egyptian law.",
  issuingAuthority: "Ministry of Communications and Information Technology",
  dimensionNotes: {
    DATA_OWNERSHIP: "Sensitive government data is kept in Egypt in accordance with the Personal Data Protection Law.",
    DIGITAL_INFRASTRUCTURE: "A solar-powered government data centre for high-performance computing.",
    DIGITAL_CAPABILITY: "Open Arabic language models, and 30,000 specialists trained by 2030.",
  },
  sections: [
    {
      heading: "Vision",
      body: "Artificial intelligence as a tool for development in Egypt: one that speaks Arabic and serves citizens in agriculture, health and government services.",
    },
    { heading: "The Arabic language", body: "Develop open Arabic language models that take Egyptian dialects into account, and make Arabic datasets available to researchers." },
    { heading: "Infrastructure", body: "Build a solar-powered government data centre for high-performance computing in Upper Egypt." },
    { heading: "Skills", body: "Train 30,000 AI specialists by 2030 in cooperation with Egyptian universities." },
  ],
};

// ---------------------------------------------------------------------------
// Russia: Russian original, two versions, unofficial English translation. Members only.

const RU_META: Meta = {
  adoptedOn: "2024-02-15",
  dimensions: ["DIGITAL_INFRASTRUCTURE", "DIGITAL_CAPABILITY", "DIGITAL_GOVERNANCE"],
  sectors: ["INDUSTRY", "RESEARCH", "EDUCATION"],
};
const ruRu = (v: 1 | 2): Text => ({
  title: "Стратегия развития суверенного искусственного интеллекта до 2030 года (демонстрационный текст)",
  summary: "Вымышленный текст, только для демонстрации. Определяет задачи по развитию отечественных вычислительных мощностей, кадров и моделей ИИ.",
  issuingAuthority: "Министерство цифрового развития, связи и массовых коммуникаций",
  dimensionNotes: {
    DIGITAL_INFRASTRUCTURE: "Рост отечественных вычислительных мощностей для ИИ и перевод государственных систем на российские облачные платформы.",
    DIGITAL_CAPABILITY: v === 1 ? "Подготовка 15 тысяч специалистов по ИИ в год." : "Подготовка 20 тысяч специалистов по ИИ в год и поддержка открытых моделей на русском языке.",
    DIGITAL_GOVERNANCE: "Кодекс этики в сфере ИИ и участие в выработке международных стандартов.",
  },
  sections: [
    { heading: "Цели", body: "К 2030 году обеспечить технологическую независимость в области искусственного интеллекта и его широкое применение в промышленности и науке." },
    {
      heading: "Инфраструктура",
      body: "Увеличить отечественные вычислительные мощности для ИИ и перевести государственные информационные системы на российские облачные платформы.",
    },
    {
      heading: "Кадры",
      body: v === 1 ? "Ежегодно готовить 15 тысяч специалистов по ИИ." : "Ежегодно готовить 20 тысяч специалистов по ИИ и поддерживать открытые языковые модели на русском языке.",
    },
  ],
});
const RU_EN: Text = {
  title: "Strategy for the Development of Sovereign Artificial Intelligence to 2030 (demonstration text)",
  summary: "Fictional text, for demonstration only. Sets the tasks for developing domestic compute capacity, skills and AI models.",
  issuingAuthority: "Ministry of Digital Development, Communications and Mass Media",
  dimensionNotes: {
    DIGITAL_INFRASTRUCTURE: "More domestic compute capacity for AI, and government systems moved to Russian cloud platforms.",
    DIGITAL_CAPABILITY: "20,000 AI specialists trained a year, and support for open Russian-language models.",
    DIGITAL_GOVERNANCE: "An AI code of ethics and participation in international standard-setting.",
  },
  sections: [
    { heading: "Goals", body: "By 2030, technological independence in artificial intelligence and its broad use in industry and science." },
    { heading: "Infrastructure", body: "Increase domestic compute capacity for AI and move government information systems to Russian cloud platforms." },
    { heading: "Skills", body: "Train 20,000 AI specialists every year and support open Russian-language models." },
  ],
};

// ---------------------------------------------------------------------------
// Malaysia: a draft, seen only by its delegation.

const MY_META: Meta = { dimensions: ["DIGITAL_INFRASTRUCTURE", "DATA_OWNERSHIP"], sectors: ["FINANCE", "PUBLIC_SERVICES"] };
const MY_EN: Text = {
  title: "Malaysia Sovereign AI Roadmap (draft, demonstration text)",
  summary: "Fictional text, for demonstration. A working draft of the delegation, not yet published.",
  issuingAuthority: "Ministry of Digital",
  dimensionNotes: {
    DATA_OWNERSHIP: "A national data-sharing framework for the public sector.",
    DIGITAL_INFRASTRUCTURE: "Sovereign cloud for government workloads, hosted in Malaysia.",
  },
  sections: [{ heading: "Scope", body: "This roadmap covers the public sector and regulated financial services." }],
};

// ---------------------------------------------------------------------------
// Making them

type As = (role: Role, code: string | null) => Promise<CurrentUser>;
type VersionInput = { text: Text; meta: Meta; changeNote?: string };

/** A strategy through the services: its versions, then translations of the last one, then (maybe) its publication. */
async function seedStrategy({
  author,
  language,
  versions,
  translations = [],
  translator,
  publish,
}: {
  author: CurrentUser;
  language: string;
  versions: VersionInput[];
  translations?: Translation[];
  translator?: CurrentUser;
  publish?: { by: CurrentUser; visibility: "PUBLIC" | "MEMBERS" };
}) {
  const [first, ...later] = versions;
  const strategy = await createStrategy({ actor: author, originalLanguage: language, ...first!.text, ...first!.meta });
  const keysOf = async (number: number) => (await getVersionText({ strategyId: strategy.id, number, language })).text.sections.map((s) => s.key);
  const withKeys = (keys: string[], text: Text) => {
    if (keys.length !== text.sections.length) throw new Error(`demo seed: section count mismatch in "${text.title}"`);
    return text.sections.map((s, i) => ({ key: keys[i]!, ...s }));
  };
  let number = 1;
  for (const v of later) {
    const keys = await keysOf(number);
    await saveVersion({ actor: author, strategyId: strategy.id, baseVersion: number, changeNote: v.changeNote ?? "", ...v.text, ...v.meta, sections: withKeys(keys, v.text) });
    number++;
  }
  const keys = await keysOf(number);
  for (const tr of translations) {
    await saveTranslation({
      actor: tr.kind === "OFFICIAL_TRANSLATION" ? (publish?.by ?? author) : (translator ?? author),
      strategyId: strategy.id,
      version: number,
      language: tr.language,
      kind: tr.kind,
      ...tr.text,
      sections: withKeys(keys, tr.text),
    });
  }
  if (publish) await publishStrategy({ actor: publish.by, strategyId: strategy.id, version: number, visibility: publish.visibility });
  return strategy;
}

async function seedStrategies(as: As) {
  await seedStrategy({
    author: await as("DELEGATE", "BR"),
    language: "pt",
    versions: [
      { text: brPt(1), meta: BR_META_V1 },
      { text: brPt(2), meta: BR_META_V2, changeNote: "Metas de formação revistas após a consulta pública; prazo para a nuvem de governo; setor de clima incluído." },
    ],
    translations: [
      { language: "en", kind: "OFFICIAL_TRANSLATION", text: BR_EN },
      { language: "es", kind: "UNOFFICIAL_TRANSLATION", text: BR_ES },
    ],
    publish: { by: await as("HEAD", "BR"), visibility: "PUBLIC" },
  });

  await seedStrategy({
    author: await as("DELEGATE", "IN"),
    language: "en",
    versions: [
      { text: inEn(1), meta: IN_META },
      { text: inEn(2), meta: IN_META_V2, changeNote: "Compute facility enlarged to 18,000 GPUs after the budget review; biennial review by an inter-ministerial council." },
    ],
    translations: [
      { language: "hi", kind: "OFFICIAL_TRANSLATION", text: IN_HI },
      { language: "fr", kind: "UNOFFICIAL_TRANSLATION", text: IN_FR },
    ],
    publish: { by: await as("HEAD", "IN"), visibility: "PUBLIC" },
  });

  await seedStrategy({
    author: await as("DELEGATE", "CN"),
    language: "zh",
    versions: [
      { text: cnZh(1), meta: CN_META },
      { text: cnZh(2), meta: CN_META, changeNote: "增加绿色电力和能效要求。" },
    ],
    translations: [{ language: "en", kind: "UNOFFICIAL_TRANSLATION", text: CN_EN }],
    publish: { by: await as("HEAD", "CN"), visibility: "MEMBERS" },
  });

  const zaHead = await as("HEAD", "ZA");
  const zaOldStrategy = await seedStrategy({
    author: await as("DELEGATE", "ZA"),
    language: "en",
    versions: [
      { text: zaOld(1), meta: ZA_OLD_META },
      { text: zaOld(2), meta: ZA_OLD_META, changeNote: "Added the national AI skills fund." },
    ],
    publish: { by: zaHead, visibility: "PUBLIC" },
  });
  const zaNewStrategy = await seedStrategy({
    author: await as("DELEGATE", "ZA"),
    language: "en",
    versions: [
      { text: zaNew(1), meta: ZA_NEW_META },
      { text: zaNew(2), meta: ZA_NEW_META, changeNote: "Named the eleven official spoken languages and South African Sign Language; community language boards." },
    ],
    publish: { by: zaHead, visibility: "PUBLIC" },
  });
  await supersedeStrategy({ actor: zaHead, strategyId: zaOldStrategy.id, successorId: zaNewStrategy.id });

  await seedStrategy({
    author: await as("DELEGATE", "EG"),
    language: "ar",
    versions: [
      { text: egAr(1), meta: EG_META },
      { text: egAr(2), meta: EG_META, changeNote: "تحديد موقع مركز البيانات واعتماده على الطاقة الشمسية." },
    ],
    translations: [{ language: "en", kind: "OFFICIAL_TRANSLATION", text: EG_EN }],
    publish: { by: await as("HEAD", "EG"), visibility: "PUBLIC" },
  });

  await seedStrategy({
    author: await as("DELEGATE", "RU"),
    language: "ru",
    versions: [
      { text: ruRu(1), meta: RU_META },
      { text: ruRu(2), meta: RU_META, changeNote: "Целевой показатель подготовки кадров увеличен до 20 тысяч в год." },
    ],
    translations: [{ language: "en", kind: "UNOFFICIAL_TRANSLATION", text: RU_EN }],
    publish: { by: await as("HEAD", "RU"), visibility: "MEMBERS" },
  });

  await seedStrategy({ author: await as("DELEGATE", "MY"), language: "en", versions: [{ text: MY_EN, meta: MY_META }] });
}

// ---------------------------------------------------------------------------
// DSI assessments: most members over the last two years, published; this
// year, one submitted (the secretariat's queue) and one draft.

type Levels = [dataOwnership: number, infrastructure: number, governance: number, capability: number];

/** Where each delegation stood last year, per dimension (fictional). */
const DSI_LEVELS: Record<string, Levels> = {
  BR: [68, 55, 62, 58],
  IN: [60, 66, 64, 71],
  CN: [78, 84, 70, 80],
  ZA: [63, 48, 67, 52],
  EG: [55, 50, 52, 49],
  RU: [70, 72, 60, 69],
  ID: [52, 47, 55, 46],
  ET: [38, 30, 44, 35],
  IR: [61, 46, 50, 57],
  MY: [57, 63, 58, 55],
};
/** A fixed spread of the indicators around their dimension's level, so the figures look measured rather than flat. */
const SPREAD: Record<DsiIndicatorKey, number> = {
  dataProtectionLaw: 8,
  dataResidency: -6,
  publicDataStewardship: -4,
  computeCapacity: -7,
  connectivity: 10,
  sovereignCloud: 0,
  aiStrategy: 9,
  oversightBody: -5,
  normSetting: 2,
  skills: 3,
  research: -2,
  languageTechnology: -6,
};
const DIMENSION_INDEX = { DATA_OWNERSHIP: 0, DIGITAL_INFRASTRUCTURE: 1, DIGITAL_GOVERNANCE: 2, DIGITAL_CAPABILITY: 3 } as const;

function indicatorValues(levels: Levels, yearsBack: number) {
  const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
  // Progress of about five points a year, a little more on infrastructure.
  return Object.fromEntries(
    DSI_INDICATORS.map((i) => {
      const d = DIMENSION_INDEX[i.dimension];
      const progress = yearsBack * (d === 1 ? 7 : 5);
      return [i.key, clamp(levels[d] - progress + SPREAD[i.key])];
    }),
  ) as Record<DsiIndicatorKey, number>;
}

const evidenceFor = (code: string) => [
  {
    indicator: "dataProtectionLaw" as const,
    url: `https://example.org/demo/${code.toLowerCase()}/data-protection-law`,
    label: "Demo evidence: data protection law and regulator's annual report",
  },
  { indicator: "connectivity" as const, url: `https://example.org/demo/${code.toLowerCase()}/broadband-statistics`, label: "Demo evidence: national broadband statistics" },
  { indicator: "aiStrategy" as const, url: `https://example.org/demo/${code.toLowerCase()}/ai-strategy`, label: "Demo evidence: national AI strategy" },
];

async function seedAssessments(as: As) {
  const secretariat = await as("SECRETARIAT", null);
  const thisYear = new Date().getUTCFullYear();
  const delegationIdOf = async (code: string) => (await prisma.delegation.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  for (const [code, levels] of Object.entries(DSI_LEVELS)) {
    const head = await as("HEAD", code);
    const delegationId = await delegationIdOf(code);
    // Partners join the index a year later than members in this demo.
    const years = code === "MY" ? [thisYear - 1] : [thisYear - 2, thisYear - 1];
    for (const year of years) {
      const saved = await saveAssessment({ actor: head, delegationId, year, indicators: indicatorValues(levels, thisYear - 1 - year), evidence: evidenceFor(code) });
      await submitAssessment({ actor: head, assessmentId: saved.id, revision: saved.revision });
      await publishAssessment({ actor: secretariat, assessmentId: saved.id, revision: saved.revision + 1 });
    }
  }
  // This year: Brazil has submitted (waiting for the secretariat), South Africa is still filling in.
  const br = await saveAssessment({
    actor: await as("HEAD", "BR"),
    delegationId: await delegationIdOf("BR"),
    year: thisYear,
    indicators: indicatorValues(DSI_LEVELS.BR!, -1),
    evidence: evidenceFor("BR"),
  });
  await submitAssessment({ actor: await as("HEAD", "BR"), assessmentId: br.id, revision: br.revision });
  await saveAssessment({ actor: await as("HEAD", "ZA"), delegationId: await delegationIdOf("ZA"), year: thisYear, indicators: indicatorValues(DSI_LEVELS.ZA!, -1), evidence: [] });
}

export async function seedDemoStrategies(): Promise<void> {
  for (const head of EXTRA_HEADS) {
    const delegation = await prisma.delegation.findUniqueOrThrow({ where: { code: head.code }, select: { id: true } });
    const exists = await prisma.user.findFirst({ where: { delegationId: delegation.id, role: "HEAD", disabledAt: null }, select: { id: true } });
    if (!exists) {
      await createUser({ role: "HEAD", delegationId: delegation.id, email: demoEmail("HEAD", head.code), name: head.name, locale: head.locale, password: DEMO_PASSWORD });
    }
  }
  const actors = new Map<string, CurrentUser>();
  const as: As = async (role, code) => {
    const email = demoEmail(role, code);
    let actor = actors.get(email);
    if (!actor) {
      const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
      // A head the main seed or EXTRA_HEADS did not create (another seed may have): that delegation's head.
      const found = user ?? (code ? await prisma.user.findFirstOrThrow({ where: { role, delegation: { code }, disabledAt: null }, select: { id: true } }) : null);
      if (!found) throw new Error(`demo seed: no ${role} for ${code}`);
      actor = await actorFor(found);
      actors.set(email, actor);
    }
    return actor;
  };
  await seedStrategies(as);
  await seedAssessments(as);
}
