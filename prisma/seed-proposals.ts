// Demo proposals: five texts at different stages of the workflow, made only
// through the domain services (so permissions, versions, sponsors and the audit
// chain are exactly what real use produces). DEMO DATA ONLY: the texts, people
// and positions are fictional. Called once, on an empty database, after
// `seedDemo()` has created the delegations and demo people.
import type { Role, Stance } from "~/generated/prisma/enums";
import type { CurrentUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { acceptAmendment, proposeAmendment, rejectAmendment } from "~/modules/proposal/amendment.server";
import { openBracket, resolveBracket } from "~/modules/proposal/bracket.server";
import {
  createProposal,
  endOfDayUtc,
  getVersionText,
  inviteCoDrafter,
  openOrExtendConsultation,
  saveTranslation,
  saveVersion,
  withdrawProposal,
} from "~/modules/proposal/proposal.server";
import { setSponsorship } from "~/modules/proposal/sponsor.server";
import { addComment, hideComment } from "~/modules/comment/comment.server";
import { actorFor } from "./factories";
import { demoEmail } from "./demo-accounts";

type Section = { heading: string; body: string };

// Markdown builders: paragraphs separated by blank lines, numbered lists.
const paras = (...blocks: string[]) => blocks.join("\n\n");
const list = (...items: string[]) => items.map((item, i) => `${i + 1}. ${item}`).join("\n");

// ---------------------------------------------------------------------------
// 1. Principles for sovereign AI infrastructure (lead BR, English)

const P1_TITLE = "Principles for sovereign AI infrastructure";

const P1_PREAMBLE: Section = {
  heading: "Preamble",
  body: paras(
    "The participating delegations,",
    "*Recognising* that compute capacity, data centres and connectivity have become strategic assets on which public services, research and economic development increasingly depend,",
    "*Concerned* that the concentration of AI infrastructure in a small number of jurisdictions and providers limits the policy space of developing countries and exposes essential services to decisions taken elsewhere,",
    "*Recalling* their shared commitment to an open, fair and non-discriminatory digital environment and to the right of every State to regulate in the public interest,",
    "*Affirming* that sovereignty over AI infrastructure is compatible with, and strengthened by, cooperation among partners,",
    "**Agree** on the following principles.",
  ),
};

const P1_PRINCIPLE_ITEMS = [
  "**Policy space.** Each State retains the right to determine where the AI infrastructure serving its essential public services is located, operated and audited.",
  "**Interoperability.** Publicly funded AI infrastructure should follow open, interoperable standards so that workloads and data can move between providers without prohibitive switching costs.",
  "**Security of supply.** Delegations will avoid measures that restrict partners' access to chips, cloud services or maintenance, except in narrowly defined cases notified in advance.",
  "**Local capability.** Investments in AI infrastructure should include training, technology transfer and the participation of local firms and universities.",
];
const P1_SUSTAINABILITY = "**Sustainability.** New data centres should meet energy and water efficiency benchmarks and, where feasible, draw on renewable sources.";

const P1_PRINCIPLES_V1: Section = { heading: "Principles", body: list(...P1_PRINCIPLE_ITEMS) };
const P1_PRINCIPLES_V2: Section = { heading: "Principles", body: list(...P1_PRINCIPLE_ITEMS, P1_SUSTAINABILITY) };
/** Egypt holds this passage of principle 3 in brackets. */
const P1_EGYPT_PASSAGE = "except in narrowly defined cases notified in advance";

const P1_SINGLE_FACILITY = "a single pooled compute facility hosted by one participating State";
const p1Compute = (facility: string, extra = ""): Section => ({
  heading: "Shared compute and financing",
  body: list(
    `The participating delegations will study the establishment of ${facility}, open to researchers and public agencies of all participants on equal terms.${extra}`,
    "Access to shared compute will be allocated by transparent criteria that give priority to public-interest research in health, agriculture and education, and to institutions that lack comparable resources at home.",
    "Financing will combine contributions from participating delegations with resources from multilateral development banks, without conditions that require the procurement of services from any particular provider.",
  ),
});
const P1_COMPUTE_V2 = p1Compute(P1_SINGLE_FACILITY);
/** South Africa's amendment (accepted): a regional network instead of a single site. */
const P1_COMPUTE_ZA = p1Compute(
  "a network of regional compute facilities, hosted by participating delegations on a rotating basis and linked by common access rules",
  " Delegations with existing national facilities may contribute capacity to the network.",
);

const p1Review = (reporting: string, reviewAfter: string): Section => ({
  heading: "Implementation and review",
  body: paras(
    "The participating delegations:",
    list(
      "**Request** the secretariat to prepare, within twelve months, a voluntary self-assessment template covering each of the principles above;",
      `**Invite** delegations to submit ${reporting}, and to share good practices at a dedicated session of the working group;`,
      "**Encourage** delegations to make use of the shared compute arrangements for the training of public officials responsible for AI infrastructure;",
      `**Decide** to review these principles ${reviewAfter} after their adoption, in the light of technological developments and of the reports received.`,
    ),
  ),
});
const P1_REVIEW_V1 = p1Review("national reports on their implementation every year", "five years");
const P1_REVIEW_V2 = p1Review("national reports on their implementation every year", "three years");
/** China's amendment (pending): voluntary, biennial reporting. */
const P1_REVIEW_CN = p1Review("national reports on their implementation every two years, on a voluntary basis and taking into account national circumstances", "three years");

const P1_PT = {
  title: "Princípios para a infraestrutura soberana de IA",
  sections: [
    {
      heading: "Preâmbulo",
      body: paras(
        "As delegações participantes,",
        "*Reconhecendo* que a capacidade de computação, os centros de dados e a conectividade se tornaram ativos estratégicos dos quais dependem cada vez mais os serviços públicos, a pesquisa e o desenvolvimento econômico,",
        "*Preocupadas* com o fato de que a concentração da infraestrutura de IA em um pequeno número de jurisdições e fornecedores limita o espaço de políticas dos países em desenvolvimento e expõe serviços essenciais a decisões tomadas em outros lugares,",
        "*Recordando* seu compromisso comum com um ambiente digital aberto, justo e não discriminatório e com o direito de cada Estado de regular no interesse público,",
        "*Afirmando* que a soberania sobre a infraestrutura de IA é compatível com a cooperação entre parceiros e por ela fortalecida,",
        "**Acordam** os seguintes princípios.",
      ),
    },
    {
      heading: "Princípios",
      body: list(
        "**Espaço de políticas.** Cada Estado conserva o direito de determinar onde a infraestrutura de IA que atende a seus serviços públicos essenciais é localizada, operada e auditada.",
        "**Interoperabilidade.** A infraestrutura de IA financiada com recursos públicos deve seguir padrões abertos e interoperáveis, de modo que cargas de trabalho e dados possam migrar entre fornecedores sem custos de troca proibitivos.",
        "**Segurança do abastecimento.** As delegações evitarão medidas que restrinjam o acesso dos parceiros a chips, serviços de nuvem ou manutenção, exceto em casos estritamente definidos e notificados com antecedência.",
        "**Capacidade local.** Os investimentos em infraestrutura de IA devem incluir formação, transferência de tecnologia e a participação de empresas e universidades locais.",
        "**Sustentabilidade.** Os novos centros de dados devem cumprir parâmetros de eficiência energética e hídrica e, sempre que possível, utilizar fontes renováveis.",
      ),
    },
    {
      heading: "Computação compartilhada e financiamento",
      body: list(
        "As delegações participantes estudarão o estabelecimento de uma rede de instalações regionais de computação, sediadas pelas delegações participantes em regime de rodízio e articuladas por regras comuns de acesso, aberta a pesquisadores e órgãos públicos de todos os participantes em condições de igualdade. As delegações que já dispõem de instalações nacionais poderão contribuir com capacidade para a rede.",
        "O acesso à computação compartilhada será atribuído segundo critérios transparentes que deem prioridade à pesquisa de interesse público em saúde, agricultura e educação, bem como às instituições que não dispõem de recursos comparáveis em seu país.",
        "O financiamento combinará contribuições das delegações participantes com recursos de bancos multilaterais de desenvolvimento, sem condições que exijam a contratação de serviços de um fornecedor específico.",
      ),
    },
    {
      heading: "Implementação e revisão",
      body: paras(
        "As delegações participantes:",
        list(
          "**Solicitam** ao secretariado que elabore, no prazo de doze meses, um modelo voluntário de autoavaliação que abranja cada um dos princípios acima;",
          "**Convidam** as delegações a apresentar anualmente relatórios nacionais sobre sua implementação e a compartilhar boas práticas em uma sessão específica do grupo de trabalho;",
          "**Incentivam** as delegações a utilizar os arranjos de computação compartilhada para a formação de servidores públicos responsáveis pela infraestrutura de IA;",
          "**Decidem** revisar estes princípios três anos após sua adoção, à luz da evolução tecnológica e dos relatórios recebidos.",
        ),
      ),
    },
  ],
};

const P1_AR = {
  title: "مبادئ بشأن البنية التحتية السيادية للذكاء الاصطناعي",
  sections: [
    {
      heading: "الديباجة",
      body: paras(
        "إن الوفود المشاركة،",
        "*إذ تدرك* أن القدرات الحاسوبية ومراكز البيانات والاتصال أصبحت أصولاً استراتيجية تعتمد عليها الخدمات العامة والبحث العلمي والتنمية الاقتصادية بصورة متزايدة،",
        "*وإذ يساورها القلق* من أن تركّز البنية التحتية للذكاء الاصطناعي في عدد محدود من الولايات القضائية والمورّدين يقيّد الحيّز المتاح للسياسات في البلدان النامية ويعرّض الخدمات الأساسية لقرارات تُتخذ في أماكن أخرى،",
        "*وإذ تشير* إلى التزامها المشترك ببيئة رقمية مفتوحة وعادلة وغير تمييزية، وبحق كل دولة في التنظيم خدمةً للمصلحة العامة،",
        "*وإذ تؤكد* أن السيادة على البنية التحتية للذكاء الاصطناعي تتوافق مع التعاون بين الشركاء وتتعزز به،",
        "**تتفق** على المبادئ التالية.",
      ),
    },
    {
      heading: "المبادئ",
      body: list(
        "**الحيّز المتاح للسياسات.** تحتفظ كل دولة بحقها في تحديد مكان إقامة البنية التحتية للذكاء الاصطناعي التي تخدم خدماتها العامة الأساسية وطريقة تشغيلها وتدقيقها.",
        "**قابلية التشغيل البيني.** ينبغي أن تتّبع البنية التحتية للذكاء الاصطناعي الممولة من المال العام معايير مفتوحة وقابلة للتشغيل البيني، بحيث يمكن نقل أعباء العمل والبيانات بين المورّدين دون تكاليف تحويل باهظة.",
        "**أمن الإمداد.** تتجنب الوفود التدابير التي تقيّد وصول الشركاء إلى الرقائق أو الخدمات السحابية أو الصيانة، إلا في حالات محددة تحديداً دقيقاً ويُخطَر بها مسبقاً.",
        "**القدرات المحلية.** ينبغي أن تشمل الاستثمارات في البنية التحتية للذكاء الاصطناعي التدريب ونقل التكنولوجيا ومشاركة الشركات والجامعات المحلية.",
        "**الاستدامة.** ينبغي أن تستوفي مراكز البيانات الجديدة معايير الكفاءة في استخدام الطاقة والمياه، وأن تعتمد على مصادر متجددة حيثما أمكن.",
      ),
    },
    {
      heading: "الحوسبة المشتركة والتمويل",
      body: list(
        "تدرس الوفود المشاركة إنشاء شبكة من مرافق الحوسبة الإقليمية تستضيفها الوفود المشاركة بالتناوب وتربط بينها قواعد مشتركة للنفاذ، وتكون مفتوحة أمام الباحثين والهيئات العامة لجميع المشاركين على قدم المساواة. ويجوز للوفود التي تملك مرافق وطنية قائمة أن تساهم بقدراتها في الشبكة.",
        "يُخصَّص النفاذ إلى الحوسبة المشتركة وفق معايير شفافة تعطي الأولوية للبحوث ذات المنفعة العامة في مجالات الصحة والزراعة والتعليم، وللمؤسسات التي تفتقر إلى موارد مماثلة في بلدانها.",
        "يجمع التمويل بين مساهمات الوفود المشاركة وموارد بنوك التنمية المتعددة الأطراف، دون شروط تفرض شراء الخدمات من مورّد بعينه.",
      ),
    },
    {
      heading: "التنفيذ والاستعراض",
      body: paras(
        "إن الوفود المشاركة:",
        list(
          "**تطلب** إلى الأمانة أن تعدّ، في غضون اثني عشر شهراً، نموذجاً طوعياً للتقييم الذاتي يشمل كل مبدأ من المبادئ الواردة أعلاه؛",
          "**تدعو** الوفود إلى تقديم تقارير وطنية سنوية عن تنفيذها، وإلى تبادل الممارسات الجيدة في جلسة مخصصة للفريق العامل؛",
          "**تشجع** الوفود على الاستفادة من ترتيبات الحوسبة المشتركة في تدريب الموظفين العموميين المسؤولين عن البنية التحتية للذكاء الاصطناعي؛",
          "**تقرر** استعراض هذه المبادئ بعد ثلاث سنوات من اعتمادها، في ضوء التطورات التكنولوجية والتقارير الواردة.",
        ),
      ),
    },
  ],
};

// ---------------------------------------------------------------------------
// 2. Cross-border data flows for AI training (lead IN, English)

const P2_TITLE = "Cross-border data flows for AI training";
/** Iran holds this passage of principle 2 in brackets. */
const P2_IRAN_PASSAGE = "should not be made conditional on local storage";

const p2Principles = (nonPersonal: string) =>
  list(
    "**Lawful basis.** Cross-border transfers of personal data for AI training should take place only under a lawful basis recognised by the law of the State of origin.",
    nonPersonal,
    "**Transparency.** Developers training models on data transferred across borders should document the origin, licence and collection method of each significant dataset.",
    "**Safeguards.** Each State may apply proportionate safeguards to datasets it designates as sensitive, such as health, genomic or geospatial data, and will publish the categories concerned.",
  );
/** Russia's amendment (rejected): prior authorisation for every transfer. */
const P2_PRINCIPLES_RU = p2Principles(
  "**Non-personal data.** Each State may require prior authorisation for transfers of non-personal data for the training of AI models, in accordance with its national legislation.",
);

const P2_SECTIONS: Section[] = [
  {
    heading: "Preamble",
    body: paras(
      "The participating delegations,",
      "*Noting* that the training of AI models depends on large and diverse datasets, many of which originate in developing countries but are processed and monetised elsewhere,",
      "*Recognising* that trusted cross-border data flows can support research, trade and the development of AI systems suited to local languages and needs,",
      "*Mindful* of the right of each State to protect personal data, national security and public order, and of the need to prevent the extraction of data without fair return,",
      "*Seeking* common ground between openness and the protection of data held by their peoples and institutions,",
      "**Propose** the following principles for discussion.",
    ),
  },
  {
    heading: "Principles for cross-border transfers",
    body: p2Principles(
      `**Non-personal data.** Transfers of non-personal data for the training of AI models ${P2_IRAN_PASSAGE}, provided that the State of origin retains access for regulatory purposes.`,
    ),
  },
  {
    heading: "Benefit sharing and follow-up",
    body: paras(
      "The participating delegations:",
      list(
        "**Encourage** developers that train models on data originating in their territories to share benefits with the communities and institutions concerned, including through access to the resulting models, joint research and capacity building;",
        "**Propose** the creation of a voluntary registry in which datasets offered for AI training across borders can be described, with their licence terms and contact points;",
        "**Request** the secretariat to compile existing national rules on data transfers for AI training and to present a comparative overview at the next session of the working group.",
      ),
    ),
  },
];

const P2_HI = {
  title: "एआई प्रशिक्षण के लिए सीमा-पार डेटा प्रवाह",
  sections: [
    {
      heading: "प्रस्तावना",
      body: paras(
        "भाग लेने वाले प्रतिनिधिमंडल,",
        "*नोट करते हुए* कि एआई मॉडलों का प्रशिक्षण बड़े और विविध डेटासेटों पर निर्भर करता है, जिनमें से अनेक विकासशील देशों में उत्पन्न होते हैं, किंतु उनका प्रसंस्करण और मुद्रीकरण अन्यत्र होता है,",
        "*मानते हुए* कि विश्वसनीय सीमा-पार डेटा प्रवाह अनुसंधान, व्यापार और स्थानीय भाषाओं एवं आवश्यकताओं के अनुरूप एआई प्रणालियों के विकास में सहायक हो सकते हैं,",
        "*ध्यान में रखते हुए* कि प्रत्येक राज्य को व्यक्तिगत डेटा, राष्ट्रीय सुरक्षा और सार्वजनिक व्यवस्था की रक्षा करने का अधिकार है, और उचित प्रतिफल के बिना डेटा के दोहन को रोकना आवश्यक है,",
        "*प्रयास करते हुए* कि खुलेपन और अपने लोगों एवं संस्थानों के पास उपलब्ध डेटा की सुरक्षा के बीच साझा आधार मिल सके,",
        "चर्चा के लिए निम्नलिखित सिद्धांत **प्रस्तावित करते हैं**।",
      ),
    },
    {
      heading: "सीमा-पार हस्तांतरण के सिद्धांत",
      body: list(
        "**वैध आधार।** एआई प्रशिक्षण के लिए व्यक्तिगत डेटा का सीमा-पार हस्तांतरण केवल ऐसे वैध आधार पर होना चाहिए जिसे मूल राज्य का कानून मान्यता देता हो।",
        "**गैर-व्यक्तिगत डेटा।** एआई मॉडलों के प्रशिक्षण के लिए गैर-व्यक्तिगत डेटा के हस्तांतरण को स्थानीय भंडारण की शर्त पर निर्भर नहीं बनाया जाना चाहिए, बशर्ते कि मूल राज्य को नियामक प्रयोजनों के लिए उस तक पहुँच बनी रहे।",
        "**पारदर्शिता।** सीमा-पार हस्तांतरित डेटा पर मॉडल प्रशिक्षित करने वाले डेवलपरों को प्रत्येक महत्वपूर्ण डेटासेट के स्रोत, लाइसेंस और संग्रह-पद्धति का दस्तावेज़ीकरण करना चाहिए।",
        "**सुरक्षा उपाय।** प्रत्येक राज्य उन डेटासेटों पर आनुपातिक सुरक्षा उपाय लागू कर सकता है जिन्हें वह संवेदनशील घोषित करता है, जैसे स्वास्थ्य, जीनोमिक या भू-स्थानिक डेटा, और संबंधित श्रेणियों को प्रकाशित करेगा।",
      ),
    },
    {
      heading: "लाभ-साझेदारी और अनुवर्ती कार्रवाई",
      body: paras(
        "भाग लेने वाले प्रतिनिधिमंडल:",
        list(
          "अपने क्षेत्रों में उत्पन्न डेटा पर मॉडल प्रशिक्षित करने वाले डेवलपरों को संबंधित समुदायों और संस्थानों के साथ लाभ साझा करने के लिए **प्रोत्साहित करते हैं**, जिसमें परिणामी मॉडलों तक पहुँच, संयुक्त अनुसंधान और क्षमता-निर्माण शामिल हैं;",
          "एक स्वैच्छिक रजिस्ट्री के सृजन का **प्रस्ताव करते हैं**, जिसमें सीमा-पार एआई प्रशिक्षण के लिए उपलब्ध कराए गए डेटासेटों का विवरण, उनकी लाइसेंस शर्तों और संपर्क बिंदुओं सहित, दर्ज किया जा सके;",
          "सचिवालय से **अनुरोध करते हैं** कि वह एआई प्रशिक्षण हेतु डेटा हस्तांतरण से संबंधित मौजूदा राष्ट्रीय नियमों का संकलन करे और कार्य समूह के अगले सत्र में एक तुलनात्मक अवलोकन प्रस्तुत करे।",
        ),
      ),
    },
  ],
};

// ---------------------------------------------------------------------------
// 3. Open-model evaluation standards (lead CN, Chinese original)

const P3_TITLE = "开放模型评测标准";

const P3_BACKGROUND: Section = {
  heading: "背景与目标",
  body: paras(
    "参与方代表团，",
    "*认识到*开放权重模型正被越来越多的公共机构、大学和中小企业采用，而各方评估其能力与风险的方法尚不统一；",
    "*注意到*现有评测基准大多以少数语言和单一文化背景为基础，难以反映全球南方用户的实际需求；",
    "*希望*建立透明、可复现、可比较的评测做法，以支持各国在采用开放模型时作出知情决策，",
    "**提出**以下评测标准草案，供工作组讨论。",
  ),
};
const p3Principles = (multilingual: string, sharing: boolean): Section => ({
  heading: "评测原则",
  body: list(
    "**可复现性。** 评测报告应公开所用数据集、提示模板、解码参数和评分方法，使第三方能够复现主要结果。",
    `**多语言覆盖。** ${multilingual}`,
    "**安全与风险。** 评测应涵盖有害内容生成、隐私泄露和被滥用于网络攻击等风险，并说明所采用的缓解措施。",
    "**资源透明。** 报告应说明评测所消耗的计算资源，以便资源有限的机构估算复现成本。",
    ...(sharing ? ["**结果共享。** 鼓励参与方将评测结果提交至工作组维护的公共登记册，以避免重复工作。"] : []),
  ),
});
const P3_PRINCIPLES_V1 = p3Principles("评测应至少包括一种非英语语言，并优先采用由当地语言社区参与构建的测试集。", false);
const P3_PRINCIPLES_V2 = p3Principles("评测应至少包括两种非英语语言，其中一种应为低资源语言，并优先采用由当地语言社区参与构建的测试集。", true);
const P3_ARRANGEMENTS: Section = {
  heading: "实施安排",
  body: paras(
    "参与方代表团：",
    list(
      "**请**秘书处在六个月内汇编现有的开放评测基准，并注明其语言覆盖范围和许可条款；",
      "**鼓励**各代表团指定一个国家联络点，负责协调本国研究机构参与联合评测；",
      "**决定**在工作组下设立技术专家小组，负责起草评测报告模板，并提交下一次会议审议；",
      "**欢迎**有能力的代表团为资源有限的参与方提供评测所需的计算资源和技术培训。",
    ),
  ),
};

const P3_EN = {
  title: "Open-model evaluation standards",
  sections: [
    {
      heading: "Background and objectives",
      body: paras(
        "The participating delegations,",
        "*Recognising* that open-weight models are being adopted by a growing number of public institutions, universities and small and medium-sized enterprises, while methods for assessing their capabilities and risks remain inconsistent,",
        "*Noting* that most existing evaluation benchmarks are built on a small number of languages and a single cultural context, and do not reflect the actual needs of users in the Global South,",
        "*Wishing* to establish transparent, reproducible and comparable evaluation practices that support informed decisions by States adopting open models,",
        "**Put forward** the following draft evaluation standards for discussion by the working group.",
      ),
    },
    {
      heading: "Evaluation principles",
      body: list(
        "**Reproducibility.** Evaluation reports should disclose the datasets, prompt templates, decoding parameters and scoring methods used, so that third parties can reproduce the main results.",
        "**Multilingual coverage.** Evaluations should include at least two languages other than English, one of which should be a low-resource language, giving preference to test sets built with the participation of local language communities.",
        "**Safety and risk.** Evaluations should cover risks such as harmful content generation, privacy leakage and misuse for cyberattacks, and describe the mitigation measures applied.",
        "**Resource transparency.** Reports should state the compute resources consumed by the evaluation, so that institutions with limited resources can estimate the cost of reproduction.",
        "**Sharing of results.** Participants are encouraged to submit evaluation results to a public register maintained by the working group, to avoid duplicated effort.",
      ),
    },
    {
      heading: "Implementation arrangements",
      body: paras(
        "The participating delegations:",
        list(
          "**Request** the secretariat to compile, within six months, existing open evaluation benchmarks, indicating their language coverage and licence terms;",
          "**Encourage** each delegation to designate a national focal point to coordinate the participation of its research institutions in joint evaluations;",
          "**Decide** to establish a technical expert group under the working group to draft a template for evaluation reports, for consideration at the next meeting;",
          "**Welcome** offers by delegations in a position to do so to provide compute resources and technical training for evaluations to participants with limited resources.",
        ),
      ),
    },
  ],
};

// ---------------------------------------------------------------------------
// 4. Community languages in public-sector AI (lead MY, a partner; English)

const P4_TITLE = "Community languages in public-sector AI";

const P4_SECTIONS: Section[] = [
  {
    heading: "Preamble",
    body: paras(
      "The participating delegations,",
      "*Recognising* that public services increasingly rely on AI systems for information, translation, speech recognition and the handling of citizens' requests,",
      "*Concerned* that such systems often perform poorly in community, indigenous and minority languages, which can exclude from public services the people who most need them,",
      "*Acknowledging* that speakers of these languages, and the institutions that document them, hold knowledge and data that must be treated with respect and used only with their consent,",
      "*Convinced* that multilingual public-sector AI is a question of equal access to the State,",
      "**Propose** the following commitments.",
    ),
  },
  {
    heading: "Commitments",
    body: list(
      "**Service parity.** Public agencies deploying AI systems that interact with citizens should assess their performance in the main community languages of the population served, and publish the results.",
      "**Human fallback.** Where an AI system does not reach an adequate level of performance in a language, citizens should be able to reach a human official who speaks it, without additional delay or cost.",
      "**Consent and stewardship.** Language data collected from communities for public-sector AI should be gathered with informed consent, and communities should take part in decisions on its reuse.",
      "**Shared resources.** Delegations will consider publishing speech and text corpora developed with public funds under open licences, where the communities concerned agree.",
    ),
  },
  {
    heading: "Cooperation",
    body: paras(
      "The participating delegations:",
      list(
        "**Encourage** cooperation between language institutes, universities and public agencies of participating States whose populations share languages across borders;",
        "**Invite** delegations to share procurement clauses that require vendors to support community languages, so that smaller administrations can reuse them;",
        "**Request** the secretariat to organise, together with interested delegations, a workshop on evaluating AI systems in low-resource languages, open to community representatives.",
      ),
    ),
  },
];

const P4_ID = {
  title: "Bahasa komunitas dalam AI sektor publik",
  sections: [
    {
      heading: "Pembukaan",
      body: paras(
        "Delegasi-delegasi peserta,",
        "*Mengakui* bahwa layanan publik semakin bergantung pada sistem AI untuk informasi, penerjemahan, pengenalan ucapan, dan penanganan permintaan warga,",
        "*Prihatin* bahwa sistem tersebut sering kali berkinerja buruk dalam bahasa komunitas, bahasa masyarakat adat, dan bahasa minoritas, sehingga dapat menyingkirkan dari layanan publik orang-orang yang paling membutuhkannya,",
        "*Menyadari* bahwa penutur bahasa-bahasa tersebut, serta lembaga yang mendokumentasikannya, memiliki pengetahuan dan data yang harus diperlakukan dengan hormat dan hanya digunakan atas persetujuan mereka,",
        "*Meyakini* bahwa AI sektor publik yang multibahasa merupakan persoalan kesetaraan akses terhadap negara,",
        "**Mengusulkan** komitmen-komitmen berikut.",
      ),
    },
    {
      heading: "Komitmen",
      body: list(
        "**Kesetaraan layanan.** Instansi publik yang menerapkan sistem AI yang berinteraksi dengan warga hendaknya menilai kinerjanya dalam bahasa-bahasa komunitas utama dari penduduk yang dilayani, dan mempublikasikan hasilnya.",
        "**Petugas manusia sebagai cadangan.** Apabila suatu sistem AI belum mencapai tingkat kinerja yang memadai dalam suatu bahasa, warga hendaknya dapat menghubungi petugas yang menguasai bahasa tersebut, tanpa penundaan atau biaya tambahan.",
        "**Persetujuan dan pengelolaan.** Data bahasa yang dihimpun dari komunitas untuk AI sektor publik hendaknya dikumpulkan dengan persetujuan atas dasar informasi, dan komunitas hendaknya ikut serta dalam keputusan mengenai penggunaan ulangnya.",
        "**Sumber daya bersama.** Para delegasi akan mempertimbangkan untuk mempublikasikan korpus ucapan dan teks yang dikembangkan dengan dana publik di bawah lisensi terbuka, apabila komunitas yang bersangkutan menyetujuinya.",
      ),
    },
    {
      heading: "Kerja sama",
      body: paras(
        "Delegasi-delegasi peserta:",
        list(
          "**Mendorong** kerja sama antara lembaga bahasa, universitas, dan instansi publik dari negara-negara peserta yang penduduknya berbagi bahasa lintas batas;",
          "**Mengundang** para delegasi untuk berbagi klausul pengadaan yang mewajibkan vendor mendukung bahasa komunitas, agar pemerintahan yang lebih kecil dapat menggunakannya kembali;",
          "**Meminta** sekretariat untuk menyelenggarakan, bersama delegasi yang berminat, lokakarya tentang evaluasi sistem AI dalam bahasa dengan sumber daya terbatas, yang terbuka bagi perwakilan komunitas.",
        ),
      ),
    },
  ],
};

// ---------------------------------------------------------------------------
// 5. AI procurement transparency (lead ZA, English; withdrawn)

const P5_TITLE = "AI procurement transparency";

const P5_SECTIONS: Section[] = [
  {
    heading: "Preamble",
    body: paras(
      "The participating delegations,",
      "*Noting* that public authorities are purchasing AI systems for tasks ranging from benefits administration to policing, often through framework contracts that disclose little about the systems supplied,",
      "*Recognising* that transparency in public procurement is a long-standing principle of good governance and a safeguard against corruption and vendor lock-in,",
      "*Considering* that people affected by automated decisions have a legitimate interest in knowing which systems are used and on what terms,",
      "**Propose** the following commitments on the procurement of AI systems by public bodies.",
    ),
  },
  {
    heading: "Commitments",
    body: list(
      "**Public register.** Each participating State should maintain a public register of AI systems procured by central government bodies, stating the supplier, the purpose, the contract value and the body responsible.",
      "**Documentation.** Contracts for AI systems should require suppliers to provide technical documentation sufficient for independent audit, including information on training data and known limitations.",
      "**Exit clauses.** Contracts should include provisions ensuring that data and configurations can be transferred to another supplier at the end of the contract.",
      "**Review.** The working group will review experience with these commitments two years after their endorsement.",
    ),
  },
];

// ---------------------------------------------------------------------------

/** The end of the UTC day `days` from now, as the consultation form would set it. */
function daysFromNow(days: number): Date {
  return endOfDayUtc(new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
}

/** Sections of `version` of a proposal with the keys of its original text (kept stable across versions and languages). */
async function keyed(proposalId: string, version: number, language: string, sections: Section[]) {
  const { text } = await getVersionText({ proposalId, number: version, language });
  if (text.sections.length !== sections.length) throw new Error(`demo seed: section count mismatch (${proposalId} v${version})`);
  return text.sections.map((s, i) => ({ key: s.key, ...sections[i] }));
}

export async function seedDemoProposals(): Promise<void> {
  const actors = new Map<string, CurrentUser>();
  /** A demo person (created by seedDemo) as the services see them. */
  const as = async (role: Role, code: string | null = null): Promise<CurrentUser> => {
    const email = demoEmail(role, code);
    let actor = actors.get(email);
    if (!actor) {
      actor = await actorFor(await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }));
      actors.set(email, actor);
    }
    return actor;
  };
  const delegationId = async (code: string) => (await prisma.delegation.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;

  await seedSovereignInfrastructure(as, delegationId);
  await seedCrossBorderData(as);
  await seedOpenModelEvaluation(as);
  await seedCommunityLanguages(as);
  await seedProcurementTransparency(as);
}

type As = (role: Role, code?: string | null) => Promise<CurrentUser>;

/** 1. In consultation, three versions, translations, threads, amendments, brackets, sponsors. */
async function seedSovereignInfrastructure(as: As, delegationId: (code: string) => Promise<string>) {
  const br = await as("DELEGATE", "BR");
  const inDelegate = await as("DELEGATE", "IN");
  const za = await as("DELEGATE", "ZA");

  const proposal = await createProposal({
    actor: br,
    title: P1_TITLE,
    originalLanguage: "en",
    topics: ["DIGITAL_INFRASTRUCTURE", "DIGITAL_GOVERNANCE"],
    sections: [P1_PREAMBLE, P1_PRINCIPLES_V1, P1_COMPUTE_V2, P1_REVIEW_V1],
  });
  const id = proposal.id;
  await inviteCoDrafter({ actor: br, proposalId: id, delegationId: await delegationId("IN") });
  // India, as co-drafter, saves the second version.
  const v2 = await keyed(id, 1, "en", [P1_PREAMBLE, P1_PRINCIPLES_V2, P1_COMPUTE_V2, P1_REVIEW_V2]);
  await saveVersion({
    actor: inDelegate,
    proposalId: id,
    baseVersion: 1,
    title: P1_TITLE,
    changeNote: "Added principle 5 on sustainability; shortened the review period from five to three years, as suggested by India.",
    sections: v2,
  });
  const [preamble, principles, compute, review] = v2.map((s) => s.key);

  await openOrExtendConsultation({ actor: br, proposalId: id, until: daysFromNow(21), extend: false });
  await setSponsorship({ actor: await as("HEAD", "IN"), proposalId: id, join: true });
  await setSponsorship({ actor: await as("HEAD", "ZA"), proposalId: id, join: true });

  // Egypt's bracket stays open.
  await openBracket({
    actor: await as("DELEGATE", "EG"),
    proposalId: id,
    sectionKey: principles,
    passage: P1_EGYPT_PASSAGE,
    note: "Egypt cannot accept an exception whose scope the text does not define. We propose that the cases be listed exhaustively in an annex.",
  });
  const zaBracket = await openBracket({
    actor: za,
    proposalId: id,
    sectionKey: compute,
    passage: P1_SINGLE_FACILITY,
    note: "A single site would concentrate investment, skills and control in one country. South Africa will table an amendment for a regional network.",
  });

  const comment = (actor: CurrentUser, sectionKey: string, body: string, stance?: Stance, parentId?: string) =>
    addComment({ actor, proposalId: id, sectionKey, body, stance, parentId });

  const et = await comment(
    await as("EXPERT", "ET"),
    compute,
    "Shared compute is the most concrete element of this text. For universities in our region the binding constraint is not models but GPU hours, so the priority criteria in paragraph 2 are very welcome. We would suggest that allocation decisions be published twice a year.",
    "SUPPORT",
  );
  const etReply = await comment(
    br,
    compute,
    "Thank you. Publication of allocation decisions fits better in the access rules the working group will draft; we have noted it for that stage.",
    undefined,
    et.id,
  );
  await comment(await as("EXPERT", "ET"), compute, "Understood. Ethiopia's research network would be glad to contribute to drafting those rules.", undefined, etReply.id);
  const zaComment = await comment(
    za,
    compute,
    "A single facility in one State concentrates investment, skills and operational control in one place, and creates a single point of failure. South Africa has bracketed this passage and will table an amendment proposing a network of regional facilities.",
    "CONCERN",
  );
  await comment(
    await as("EXPERT", "IN"),
    compute,
    "A network would also help with latency and with datasets that cannot leave their region. From a technical point of view, common access rules matter more than the number of sites.",
    undefined,
    zaComment.id,
  );
  await comment(
    await as("EXPERT", "BR"),
    principles,
    "O princípio da interoperabilidade é essencial: sem padrões abertos, a soberania se reduz à escolha de um único fornecedor. Sugerimos mencionar também a portabilidade dos modelos treinados, e não apenas dos dados.",
    "SUPPORT",
  );
  const egComment = await comment(
    await as("DELEGATE", "EG"),
    principles,
    'Principle 3 allows exceptions "in narrowly defined cases" without saying which cases. Egypt has placed this passage in brackets and proposes that the cases be listed in an annex.',
    "CONCERN",
  );
  await comment(
    inDelegate,
    principles,
    "India is ready to work with Egypt on a draft annex. The list should be short and exhaustive, so that the exception does not swallow the principle.",
    undefined,
    egComment.id,
  );
  await comment(
    await as("EXPERT", "CN"),
    review,
    "关于第2段：每年提交国家报告对部分行政部门而言负担较重。建议改为每两年提交一次，并明确报告属于自愿性质。中方代表团将就此提出修正案。",
    "NEUTRAL",
  );
  const offTopic = await comment(
    await as("DELEGATE", "KZ"),
    preamble,
    "Off topic, sorry: could whoever booked the shared minibus for the last session send me the receipt? I think I paid twice.",
  );
  await hideComment({
    actor: await as("SECRETARIAT"),
    commentId: offTopic.id,
    reason: "Off-topic (logistics). Please write to the secretariat about travel arrangements.",
  });

  // South Africa's amendment, accepted by the lead: version 3, credited to ZA.
  const zaAmendment = await proposeAmendment({
    actor: za,
    proposalId: id,
    sectionKey: compute,
    heading: P1_COMPUTE_ZA.heading,
    body: P1_COMPUTE_ZA.body,
    rationale:
      "A network spreads capacity, skills and investment across regions, avoids a single point of failure and lets delegations with existing national facilities contribute them instead of duplicating them.",
  });
  await acceptAmendment({
    actor: br,
    amendmentId: zaAmendment.id,
    reason: "South African amendment accepted: regional network of compute facilities instead of a single site.",
  });
  await resolveBracket({
    actor: za,
    bracketId: zaBracket.id,
    outcome: "CHANGED",
    note: "Replaced by the regional-network wording of version 3 (South African amendment).",
  });

  // China's amendment on the reporting cycle, still pending (against version 3).
  await proposeAmendment({
    actor: await as("DELEGATE", "CN"),
    proposalId: id,
    sectionKey: review,
    heading: P1_REVIEW_CN.heading,
    body: P1_REVIEW_CN.body,
    rationale:
      "Annual reporting places a heavy burden on smaller administrations. A biennial, voluntary cycle matches the working group's meeting calendar and is consistent with the non-binding character of the principles.",
  });

  // Translations last, so that they are of the current version (3).
  const v3 = (await prisma.proposal.findUniqueOrThrow({ where: { id }, select: { currentVersion: true } })).currentVersion;
  const translate = (actor: CurrentUser, language: string, kind: "OFFICIAL_TRANSLATION" | "UNOFFICIAL_TRANSLATION", t: { title: string; sections: Section[] }) =>
    saveTranslation({
      actor,
      proposalId: id,
      version: v3,
      language,
      kind,
      title: t.title,
      sections: [preamble, principles, compute, review].map((key, i) => ({ key, ...t.sections[i] })),
    });
  await translate(br, "pt", "OFFICIAL_TRANSLATION", P1_PT);
  // Only drafters of the lead or a co-drafting delegation may save a translation: Brazil provides it as a courtesy.
  await translate(br, "ar", "UNOFFICIAL_TRANSLATION", P1_AR);
}

/** 2. In consultation, one version with an official Hindi translation, a rejected amendment, an open bracket. */
async function seedCrossBorderData(as: As) {
  const lead = await as("DELEGATE", "IN");
  const proposal = await createProposal({ actor: lead, title: P2_TITLE, originalLanguage: "en", topics: ["DATA_OWNERSHIP"], sections: P2_SECTIONS });
  const id = proposal.id;
  const [preamble, principles, benefits] = (await keyed(id, 1, "en", P2_SECTIONS)).map((s) => s.key);

  await openOrExtendConsultation({ actor: lead, proposalId: id, until: daysFromNow(10), extend: false });
  await saveTranslation({
    actor: lead,
    proposalId: id,
    version: 1,
    language: "hi",
    kind: "OFFICIAL_TRANSLATION",
    title: P2_HI.title,
    sections: [preamble, principles, benefits].map((key, i) => ({ key, ...P2_HI.sections[i] })),
  });

  await openBracket({
    actor: await as("DELEGATE", "IR"),
    proposalId: id,
    sectionKey: principles,
    passage: P2_IRAN_PASSAGE,
    note: 'Iran reserves its position: local storage may be required for data of strategic importance. We propose adding "except for data designated as strategic under national law".',
  });

  const bo = await addComment({
    actor: await as("DELEGATE", "BO"),
    proposalId: id,
    sectionKey: principles,
    stance: "CONCERN",
    body: "Bolivia is concerned that principle 2 treats non-personal data as neutral. Aggregated data about land, water and crops can be as strategic as personal data for countries whose economies depend on natural resources.",
  });
  await addComment({
    actor: lead,
    proposalId: id,
    sectionKey: principles,
    parentId: bo.id,
    body: "Principle 4 already lets each State designate sensitive categories, geospatial data included. Would Bolivia find it helpful if agricultural and natural-resource data were named there explicitly?",
  });
  await addComment({
    actor: await as("EXPERT", "EG"),
    proposalId: id,
    sectionKey: benefits,
    stance: "SUPPORT",
    body: "The voluntary registry is a practical first step. It would be even more useful if each entry also recorded which communities were consulted before the dataset was offered.",
  });
  await addComment({
    actor: await as("EXPERT", "CN"),
    proposalId: id,
    sectionKey: preamble,
    stance: "NEUTRAL",
    body: "The preamble could acknowledge that data quality and annotation capacity matter as much as volume: many datasets from the Global South are under-documented rather than scarce.",
  });

  const ru = await proposeAmendment({
    actor: await as("DELEGATE", "RU"),
    proposalId: id,
    sectionKey: principles,
    heading: P2_SECTIONS[1].heading,
    body: P2_PRINCIPLES_RU,
    rationale: "The text should preserve the full regulatory discretion of the State of origin over all categories of data, not only those it designates as sensitive.",
  });
  await rejectAmendment({
    actor: lead,
    amendmentId: ru.id,
    reason:
      "Not accepted: a general prior-authorisation requirement would reverse the purpose of principle 2. The concern about strategic data is being negotiated in the passage bracketed by Iran, and Russia is invited to contribute there.",
  });
}

/** 3. A draft in Chinese, two versions, with an official English translation of the current one. */
async function seedOpenModelEvaluation(as: As) {
  const lead = await as("DELEGATE", "CN");
  const proposal = await createProposal({
    actor: lead,
    title: P3_TITLE,
    originalLanguage: "zh",
    topics: ["DIGITAL_CAPABILITY"],
    sections: [P3_BACKGROUND, P3_PRINCIPLES_V1, P3_ARRANGEMENTS],
  });
  const id = proposal.id;
  const v2 = await keyed(id, 1, "zh", [P3_BACKGROUND, P3_PRINCIPLES_V2, P3_ARRANGEMENTS]);
  await saveVersion({
    actor: await as("HEAD", "CN"),
    proposalId: id,
    baseVersion: 1,
    title: P3_TITLE,
    changeNote: "根据内部审阅意见：多语言要求提高至两种非英语语言（其中一种为低资源语言），并新增第5条关于结果共享的原则。",
    sections: v2,
  });
  await saveTranslation({
    actor: lead,
    proposalId: id,
    version: 2,
    language: "en",
    kind: "OFFICIAL_TRANSLATION",
    title: P3_EN.title,
    sections: v2.map((s, i) => ({ key: s.key, ...P3_EN.sections[i] })),
  });
}

/** 4. A partner's draft, one version, with an unofficial Bahasa Indonesia translation. */
async function seedCommunityLanguages(as: As) {
  const lead = await as("DELEGATE", "MY");
  const proposal = await createProposal({
    actor: lead,
    title: P4_TITLE,
    originalLanguage: "en",
    topics: ["DIGITAL_CAPABILITY", "DATA_OWNERSHIP"],
    sections: P4_SECTIONS,
  });
  const keys = (await keyed(proposal.id, 1, "en", P4_SECTIONS)).map((s) => s.key);
  await saveTranslation({
    actor: lead,
    proposalId: proposal.id,
    version: 1,
    language: "id",
    kind: "UNOFFICIAL_TRANSLATION",
    title: P4_ID.title,
    sections: keys.map((key, i) => ({ key, ...P4_ID.sections[i] })),
  });
}

/** 5. Withdrawn by its lead after one version. */
async function seedProcurementTransparency(as: As) {
  const proposal = await createProposal({
    actor: await as("DELEGATE", "ZA"),
    title: P5_TITLE,
    originalLanguage: "en",
    topics: ["DIGITAL_GOVERNANCE"],
    sections: P5_SECTIONS,
  });
  await withdrawProposal({ actor: await as("HEAD", "ZA"), proposalId: proposal.id });
}
