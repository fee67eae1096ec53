// Validation of Akoma Ntoso documents against the official OASIS schema, kept
// in the repository (test/fixtures/akn/akomantoso30.xsd, CC BY 4.0). The
// schema imports xml.xsd, which is not shipped: libxml2 warns and validates on.
import fs from "node:fs/promises";
import path from "node:path";
import { validateXML } from "xmllint-wasm";

const SCHEMA = path.resolve("test/fixtures/akn/akomantoso30.xsd");
let schema: Promise<string> | undefined;

/**
 * Validates several documents in one run; resolves with each document's errors
 * (empty when valid). The schema parser's warning about the missing xml.xsd is
 * not an error of a document.
 */
export async function validateAkn(documents: { name: string; xml: string }[]): Promise<Record<string, string[]>> {
  schema ??= fs.readFile(SCHEMA, "utf8");
  const result = await validateXML({
    xml: documents.map((d) => ({ fileName: d.name, contents: d.xml })),
    schema: [{ fileName: "akomantoso30.xsd", contents: await schema }],
    maxMemoryPages: 16 * 1024,
  });
  const errors: Record<string, string[]> = Object.fromEntries(documents.map((d) => [d.name, []]));
  for (const error of result.errors) {
    if (/xml\.xsd/.test(error.rawMessage)) continue;
    const file = error.loc?.fileName ?? error.rawMessage.split(" ")[0]!;
    (errors[file] ??= []).push(error.rawMessage);
  }
  return errors;
}
