// Password hashing: argon2id with OWASP's minimum parameters (ADR 004).
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// 2 is Argon2id (the package declares its enum `const`, which isolated modules cannot read).
const ARGON2_OPTIONS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps the answer's timing the same.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("concord-timing-equalizer");
  await verifyPassword(await dummyHash, password);
}
