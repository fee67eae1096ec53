// Demo votes: an adopted position (consensus, with explanations of vote and a
// reservation), a rejected proposal, a vote open now and a silence procedure
// running. DEMO DATA ONLY: fictional texts. Made through the domain services,
// except that closed votes are moved into the past before closing them.
import { prisma } from "~/utils/db.server";
import { createProposal, getVersionText, saveTranslation } from "~/modules/proposal/proposal.server";
import { setSponsorship } from "~/modules/proposal/sponsor.server";
import { castBallot, closeVoteIfDue, openVote } from "~/modules/vote/vote.server";
import { actorFor } from "./factories";
import { demoEmail } from "./demo-accounts";

type Role = "HEAD" | "DELEGATE" | "SECRETARIAT";
const person = async (role: Role, code: string | null) => actorFor(await prisma.user.findUniqueOrThrow({ where: { email: demoEmail(role, code) } }));
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000);
const paras = (...blocks: string[]) => blocks.join("\n\n");

async function closeNow(voteId: string) {
  await prisma.vote.update({ where: { id: voteId }, data: { closesAt: new Date(Date.now() - 60_000) } });
  await closeVoteIfDue(voteId);
}

export async function seedDemoVotes(): Promise<void> {
  const secretariat = await person("SECRETARIAT", null);
  const heads = Object.fromEntries(await Promise.all(["BR", "IN", "CN", "ZA", "EG", "MY"].map(async (c) => [c, await person("HEAD", c)] as const)));

  // 1. Adopted by consensus, with a Portuguese official translation, explanations and a reservation.
  const leadIn = await person("DELEGATE", "IN");
  const adopted = await createProposal({
    actor: leadIn,
    title: "Declaration on open-weight models as digital public goods",
    originalLanguage: "en",
    topics: ["DIGITAL_CAPABILITY", "DIGITAL_GOVERNANCE"],
    sections: [
      {
        heading: "Preamble",
        body: paras(
          "The member States,",
          "*Noting* that openly released model weights allow States, universities and firms to study, adapt and deploy AI systems in their own languages and under their own laws,",
          "*Recognising* that open release also carries risks that call for shared evaluation and responsible deployment,",
          "**Declare** the following.",
        ),
      },
      {
        heading: "Open weights",
        body: "1. Openly licensed model weights that are released for research and public use are a digital public good.\n2. Member States will favour open-weight models in publicly funded AI projects where they meet the project's quality and safety requirements.",
      },
      {
        heading: "Shared evaluation",
        body: "1. Member States will publish the evaluations of open-weight models they carry out, including on their national languages, through Concord.\n2. Evaluations will state the harness, its version and the benchmark language, so that results can be compared.",
      },
    ],
  });
  await setSponsorship({ actor: heads.BR!, proposalId: adopted.id, join: true });
  await setSponsorship({ actor: heads.ZA!, proposalId: adopted.id, join: true });
  const text = await getVersionText({ proposalId: adopted.id, number: 1, language: "en" });
  const [s1, s2, s3] = text.text.sections;
  await saveTranslation({
    actor: leadIn,
    proposalId: adopted.id,
    version: 1,
    language: "pt",
    kind: "OFFICIAL_TRANSLATION",
    title: "Declaração sobre modelos de pesos abertos como bens públicos digitais",
    sections: [
      {
        key: s1!.key,
        heading: "Preâmbulo",
        body: paras(
          "Os Estados-membros,",
          "*Observando* que pesos de modelos divulgados abertamente permitem a Estados, universidades e empresas estudar, adaptar e implantar sistemas de IA em seus próprios idiomas e sob suas próprias leis,",
          "*Reconhecendo* que a divulgação aberta também acarreta riscos que exigem avaliação compartilhada e implantação responsável,",
          "**Declaram** o seguinte.",
        ),
      },
      {
        key: s2!.key,
        heading: "Pesos abertos",
        body: "1. Os pesos de modelos com licença aberta, divulgados para pesquisa e uso público, são um bem público digital.\n2. Os Estados-membros darão preferência a modelos de pesos abertos em projetos de IA financiados com recursos públicos, quando atenderem aos requisitos de qualidade e segurança do projeto.",
      },
      {
        key: s3!.key,
        heading: "Avaliação compartilhada",
        body: "1. Os Estados-membros publicarão no Concord as avaliações de modelos de pesos abertos que realizarem, inclusive em seus idiomas nacionais.\n2. As avaliações indicarão a ferramenta de avaliação, sua versão e o idioma do benchmark, para que os resultados possam ser comparados.",
      },
    ],
  });
  const v1 = await openVote({ actor: secretariat, proposalId: adopted.id, rule: "CONSENSUS", quorumPercent: 50, closesAt: hoursFromNow(48) });
  await castBallot({ actor: heads.IN!, voteId: v1.id, choice: "YES", explanation: "India proposed this text and joins the consensus." });
  await castBallot({ actor: heads.BR!, voteId: v1.id, choice: "YES", explanation: "Brazil joins the consensus; open weights are central to our national AI plan." });
  await castBallot({
    actor: heads.CN!,
    voteId: v1.id,
    choice: "YES",
    reservations: [
      { sectionKey: s2!.key, text: "China understands “publicly funded AI projects” as projects funded by the central government; provincial projects remain free to choose." },
    ],
  });
  await castBallot({ actor: heads.ZA!, voteId: v1.id, choice: "ABSTAIN", explanation: "South Africa abstains pending its national consultation on open-source procurement." });
  await castBallot({ actor: heads.EG!, voteId: v1.id, choice: "YES" });
  await closeNow(v1.id);

  // 2. Rejected by simple majority.
  const leadRu = await person("DELEGATE", "RU");
  const rejected = await createProposal({
    actor: leadRu,
    title: "Mandatory localisation of all AI training data",
    originalLanguage: "en",
    topics: ["DATA_OWNERSHIP"],
    sections: [
      { heading: "Scope", body: "This text applies to every dataset used to train AI models deployed on the territory of a member State." },
      {
        heading: "Obligation",
        body: "1. Training data shall be stored and processed exclusively within the territory of the member State concerned.\n2. Transfers abroad shall require prior authorisation in every case.",
      },
    ],
  });
  const v2 = await openVote({ actor: secretariat, proposalId: rejected.id, rule: "SIMPLE_MAJORITY", quorumPercent: 50, closesAt: hoursFromNow(24) });
  await castBallot({ actor: heads.BR!, voteId: v2.id, choice: "NO", explanation: "A blanket obligation would stop legitimate research cooperation." });
  await castBallot({ actor: heads.IN!, voteId: v2.id, choice: "NO" });
  await castBallot({ actor: heads.CN!, voteId: v2.id, choice: "YES" });
  await castBallot({ actor: heads.ZA!, voteId: v2.id, choice: "NO" });
  await castBallot({ actor: heads.EG!, voteId: v2.id, choice: "ABSTAIN" });
  await closeNow(v2.id);

  // 3. A two-thirds vote open now.
  const leadZa = await person("DELEGATE", "ZA");
  const open = await createProposal({
    actor: leadZa,
    title: "Regional AI safety testing network",
    originalLanguage: "en",
    topics: ["DIGITAL_INFRASTRUCTURE", "DIGITAL_CAPABILITY"],
    sections: [
      { heading: "Purpose", body: "Member States establish a network of national AI testing centres that share methods, test suites and results." },
      {
        heading: "Operation",
        body: "1. Each participating centre publishes its test methods.\n2. The secretariat convenes the centres twice a year.\n3. Results on models deployed in several member States are shared through Concord.",
      },
    ],
  });
  await setSponsorship({ actor: heads.MY!, proposalId: open.id, join: true });
  const v3 = await openVote({ actor: secretariat, proposalId: open.id, rule: "TWO_THIRDS", quorumPercent: 50, closesAt: hoursFromNow(5 * 24) });
  await castBallot({ actor: heads.ZA!, voteId: v3.id, choice: "YES" });
  await castBallot({ actor: heads.CN!, voteId: v3.id, choice: "YES", explanation: "China supports the network and offers to host a centre." });

  // 4. A silence procedure running.
  const leadEg = await person("DELEGATE", "EG");
  const silent = await createProposal({
    actor: leadEg,
    title: "Statement on multilingual AI benchmarks",
    originalLanguage: "en",
    topics: ["DIGITAL_CAPABILITY"],
    sections: [
      {
        heading: "Statement",
        body: "Member States call on developers of AI models to report results on benchmarks in the languages of the Global South, including Arabic, Hindi, Portuguese, Swahili and Bahasa Indonesia, alongside English.",
      },
    ],
  });
  await openVote({ actor: heads.EG!, proposalId: silent.id, rule: "SILENCE", quorumPercent: 0, closesAt: hoursFromNow(4 * 24) });
}
