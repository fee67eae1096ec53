// The permission table as a matrix: every role × delegation status × act, written out.
import { describe, expect, it } from "vitest";
import { ACTS, can, requiresSecondFactor, type Act, type Actor } from "./permissions";
import type { DelegationStatus, Role } from "~/generated/prisma/enums";

const Y = true;
const N = false;

// Columns: the acts in this order.
const ORDER: Act[] = [
  "readMembersOnly",
  "comment",
  "draftForDelegation",
  "publishForDelegation",
  "coSponsor",
  "castBallot",
  "submitResearch",
  "chairVote",
  "moderate",
  "readAuditLog",
  "administer",
  "manageOwnAccount",
  "nameAlternates",
];

type Row = [label: string, actor: Actor, expected: boolean[]];
const of = (role: Role, status: DelegationStatus | null): Actor => ({ role, delegation: status ? { status } : null });

const MATRIX: Row[] = [
  //                                        read comm draft publ cosp ballot rsrch chair mod  audit admin own  alt
  ["anonymous", null, [N, N, N, N, N, N, N, N, N, N, N, N, N]],
  ["head of member", of("HEAD", "MEMBER"), [Y, Y, Y, Y, Y, Y, Y, N, N, N, N, Y, Y]],
  ["alternate of member", of("ALTERNATE", "MEMBER"), [Y, Y, Y, Y, Y, Y, Y, N, N, N, N, Y, N]],
  ["delegate of member", of("DELEGATE", "MEMBER"), [Y, Y, Y, N, N, N, Y, N, N, N, N, Y, N]],
  ["expert of member", of("EXPERT", "MEMBER"), [Y, Y, N, N, N, N, Y, N, N, N, N, Y, N]],
  ["expert without delegation", of("EXPERT", null), [Y, Y, N, N, N, N, Y, N, N, N, N, Y, N]],
  ["head of partner", of("HEAD", "PARTNER"), [Y, Y, Y, Y, Y, N, Y, N, N, N, N, Y, Y]],
  ["delegate of partner", of("DELEGATE", "PARTNER"), [Y, Y, Y, N, N, N, Y, N, N, N, N, Y, N]],
  ["head of observer", of("HEAD", "OBSERVER"), [Y, Y, N, Y, N, N, Y, N, N, N, N, Y, Y]],
  ["delegate of observer", of("DELEGATE", "OBSERVER"), [Y, Y, N, N, N, N, Y, N, N, N, N, Y, N]],
  ["observer", of("OBSERVER", "OBSERVER"), [Y, Y, N, N, N, N, N, N, N, N, N, Y, N]],
  ["secretariat", of("SECRETARIAT", null), [Y, Y, N, N, N, N, Y, Y, Y, Y, Y, Y, N]],
];

describe("permission table", () => {
  it("covers every act", () => {
    expect([...ORDER].sort()).toEqual([...ACTS].sort());
  });

  for (const [label, actor, expected] of MATRIX) {
    it(`${label}`, () => {
      const actual = ORDER.map((act) => can(actor, act));
      expect(Object.fromEntries(ORDER.map((a, i) => [a, actual[i]]))).toEqual(Object.fromEntries(ORDER.map((a, i) => [a, expected[i]])));
    });
  }

  it("requires a second factor of heads and the secretariat only", () => {
    const roles: Role[] = ["HEAD", "ALTERNATE", "DELEGATE", "EXPERT", "OBSERVER", "SECRETARIAT"];
    expect(roles.filter(requiresSecondFactor)).toEqual(["HEAD", "SECRETARIAT"]);
  });
});
