// The outcome of a vote under each rule (ADR 004, the proposal workflow, step 3): pure functions,
// so every rule and edge case is tested without a database.
import type { VoteRuleName } from "./constants";

export type Tally = { yes: number; no: number; abstain: number; object: number; breakSilence: number };
export type Outcome = "ADOPTED" | "REJECTED" | "NO_QUORUM";

export const emptyTally = (): Tally => ({ yes: 0, no: 0, abstain: 0, object: 0, breakSilence: 0 });

export function tallyOf(choices: string[]): Tally {
  const t = emptyTally();
  for (const c of choices) {
    if (c === "YES") t.yes++;
    else if (c === "NO") t.no++;
    else if (c === "ABSTAIN") t.abstain++;
    else if (c === "OBJECT") t.object++;
    else if (c === "BREAK_SILENCE") t.breakSilence++;
  }
  return t;
}

/** Delegations needed for the quorum: the share of eligible ones, rounded up. */
export function quorumNeeded(eligible: number, quorumPercent: number): number {
  return Math.ceil((eligible * quorumPercent) / 100);
}

export function outcomeOf({ rule, tally, eligible, quorumPercent }: { rule: VoteRuleName; tally: Tally; eligible: number; quorumPercent: number }): Outcome {
  const participated = tally.yes + tally.no + tally.abstain + tally.object + tally.breakSilence;
  // The silence procedure has no quorum: silence itself is the agreement.
  if (rule === "SILENCE") return tally.breakSilence === 0 ? "ADOPTED" : "REJECTED";
  if (eligible === 0 || participated < Math.max(1, quorumNeeded(eligible, quorumPercent))) return "NO_QUORUM";
  switch (rule) {
    case "SIMPLE_MAJORITY":
      // Abstentions are not counted: yes must outnumber no.
      return tally.yes > tally.no ? "ADOPTED" : "REJECTED";
    case "TWO_THIRDS":
      // yes ≥ ⅔ of (yes + no), in integers; nobody voting yes or no adopts nothing.
      return tally.yes + tally.no > 0 && 3 * tally.yes >= 2 * (tally.yes + tally.no) ? "ADOPTED" : "REJECTED";
    case "CONSENSUS":
      return tally.object === 0 ? "ADOPTED" : "REJECTED";
  }
}

/**
 * Whether the outcome can no longer change once every eligible delegation has
 * voted, so the vote may close before its deadline. The silence procedure runs
 * its whole window: a delegation may still break silence.
 */
export function mayCloseEarly(rule: VoteRuleName, eligible: number, voted: number): boolean {
  return rule !== "SILENCE" && eligible > 0 && voted >= eligible;
}
