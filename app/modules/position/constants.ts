// Position constants pages use (no zod, no Prisma here).

export const POSITION_PAGE_SIZE = 20;

/** A ballot receipt as typed into the check form: SHA-256 in hex. */
export const RECEIPT_PATTERN = /^[0-9a-f]{64}$/;
