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
];

type Row = [label: string, actor: Actor, expected: boolean[]];
const of = (role: Role, status: DelegationStatus | null): Actor => ({ role, delegation: status ? { status } : null });

const MATRIX: Row[] = [
  //                                        read comm draft publ cosp ballot rsrch chair mod  audit admin own
  ["anonymous", null,                        [N,   N,   N,    N,   N,   N,     N,    N,    N,   N,    N,    N]],
  ["head of member", of("HEAD", "MEMBER"),   [Y,   Y,   Y,    Y,   Y,   Y,     Y,    N,    N,   N,    N,    Y]],
  ["alternate of member", of("ALTERNATE", "MEMBER"), [Y, Y, Y, Y,  Y,   Y,     Y,    N,    N,   N,    N,    Y]],
  ["delegate of member", of("DELEGATE", "MEMBER"),   [Y, Y, Y, N,  N,   N,     Y,    N,    N,   N,    N,    Y]],
  ["expert of member", of("EXPERT", "MEMBER"),       [Y, Y, N, N,  N,   N,     Y,    N,    N,   N,    N,    Y]],
  ["expert without delegation", of("EXPERT", null),  [Y, Y, N, N,  N,   N,     Y,    N,    N,   N,    N,    Y]],
  ["head of partner", of("HEAD", "PARTNER"),         [Y, Y, Y, Y,  Y,   N,     Y,    N,    N,   N,    N,    Y]],
  ["delegate of partner", of("DELEGATE", "PARTNER"), [Y, Y, Y, N,  N,   N,     Y,    N,    N,   N,    N,    Y]],
  ["head of observer", of("HEAD", "OBSERVER"),       [Y, Y, N, Y,  N,   N,     Y,    N,    N,   N,    N,    Y]],
  ["delegate of observer", of("DELEGATE", "OBSERVER"), [Y, Y, N, N, N,  N,     Y,    N,    N,   N,    N,    Y]],
  ["observer", of("OBSERVER", "OBSERVER"),           [Y, Y, N, N,  N,   N,     N,    N,    N,   N,    N,    Y]],
  ["secretariat", of("SECRETARIAT", null),           [Y, Y, N, N,  N,   N,     Y,    Y,    Y,   Y,    Y,    Y]],
];

describe("permission table", () => {
  it("covers every act", () => {
    expect([...ORDER].sort()).toEqual([...ACTS].sort());
  });

  for (const [label, actor, expected] of MATRIX) {
    it(`${label}`, () => {
      const actual = ORDER.map((act) => can(actor, act));
      expect(Object.fromEntries(ORDER.map((a, i) => [a, actual[i]]))).toEqual(
        Object.fromEntries(ORDER.map((a, i) => [a, expected[i]])),
      );
    });
  }

  it("requires a second factor of heads and the secretariat only", () => {
    const roles: Role[] = ["HEAD", "ALTERNATE", "DELEGATE", "EXPERT", "OBSERVER", "SECRETARIAT"];
    expect(roles.filter(requiresSecondFactor)).toEqual(["HEAD", "SECRETARIAT"]);
  });
});
