import { describe, expect, it } from "vitest";
import { mayCloseEarly, outcomeOf, quorumNeeded, tallyOf } from "./rules";

const t = (s: string) => tallyOf(s.split("").map((c) => ({ Y: "YES", N: "NO", A: "ABSTAIN", O: "OBJECT", B: "BREAK_SILENCE" })[c]!));

describe("simple majority", () => {
  const run = (ballots: string, eligible = 10, quorumPercent = 50) => outcomeOf({ rule: "SIMPLE_MAJORITY", tally: t(ballots), eligible, quorumPercent });
  it("adopts when yes outnumbers no, abstentions aside", () => expect(run("YYNAA")).toBe("ADOPTED"));
  it("rejects a tie", () => expect(run("YYNNA")).toBe("REJECTED"));
  it("rejects when all abstain", () => expect(run("AAAAA")).toBe("REJECTED"));
  it("counts abstentions towards the quorum", () => expect(run("YAAAA")).toBe("ADOPTED"));
  it("needs the quorum: exactly met adopts, one short is no quorum", () => {
    expect(run("YYYYY", 10, 50)).toBe("ADOPTED");
    expect(run("YYYY", 10, 50)).toBe("NO_QUORUM");
  });
  it("rounds the quorum up", () => {
    expect(quorumNeeded(10, 33)).toBe(4);
    expect(run("YYY", 10, 33)).toBe("NO_QUORUM");
    expect(run("YYYN", 10, 33)).toBe("ADOPTED");
  });
  it("has no quorum without eligible delegations or ballots", () => {
    expect(run("", 0, 0)).toBe("NO_QUORUM");
    expect(run("", 10, 0)).toBe("NO_QUORUM");
  });
});

describe("two-thirds majority", () => {
  const run = (ballots: string) => outcomeOf({ rule: "TWO_THIRDS", tally: t(ballots), eligible: 10, quorumPercent: 50 });
  it("adopts at exactly two thirds of yes + no", () => expect(run("YYNAA")).toBe("ADOPTED"));
  it("rejects just under two thirds", () => expect(run("YYYYYNNNA")).toBe("REJECTED"));
  it("ignores abstentions in the ratio", () => expect(run("YYNAAAAA")).toBe("ADOPTED"));
  it("rejects when nobody votes yes or no", () => expect(run("AAAAAA")).toBe("REJECTED"));
});

describe("consensus", () => {
  const run = (ballots: string, quorumPercent = 50) => outcomeOf({ rule: "CONSENSUS", tally: t(ballots), eligible: 10, quorumPercent });
  it("has no quorum with 4 of 10 taking part", () => expect(run("YYYA")).toBe("NO_QUORUM"));
  it("adopts when quorum is met and nobody objects, abstentions allowed", () => expect(run("YYYAA")).toBe("ADOPTED"));
  it("is blocked by a single objection", () => expect(run("YYYYYYYYYO")).toBe("REJECTED"));
  it("adopts with all abstaining if quorum is met and none objects", () => expect(run("AAAAA")).toBe("ADOPTED"));
});

describe("silence procedure", () => {
  const run = (ballots: string) => outcomeOf({ rule: "SILENCE", tally: t(ballots), eligible: 10, quorumPercent: 50 });
  it("adopts when nobody breaks silence, without any quorum", () => expect(run("")).toBe("ADOPTED"));
  it("fails when one member breaks silence, even at the last second", () => expect(run("B")).toBe("REJECTED"));
  it("never closes early", () => expect(mayCloseEarly("SILENCE", 3, 3)).toBe(false));
});

describe("early close", () => {
  it("only when every eligible delegation has voted", () => {
    expect(mayCloseEarly("CONSENSUS", 3, 3)).toBe(true);
    expect(mayCloseEarly("SIMPLE_MAJORITY", 3, 2)).toBe(false);
    expect(mayCloseEarly("TWO_THIRDS", 0, 0)).toBe(false);
  });
});
