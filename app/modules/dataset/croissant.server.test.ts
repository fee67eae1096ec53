// Croissant output checked against what the Croissant 1.0 specification
// requires of a dataset and of each FileObject, on a dataset from the database.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetFields, delegationActor, uploadBytes } from "../../../test/factories";
import { createLocalStorage } from "~/modules/storage/local.server";
import { setStorageBackend, storeUpload } from "~/modules/storage/storage.server";
import { DATASET_FILE_TYPES } from "./constants";
import { CROISSANT_CONFORMS_TO, datasetCroissant } from "./croissant.server";
import { createDataset, saveDatasetText } from "./dataset.server";
import { addDatasetFile } from "./files.server";

let root: string;
beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "concord-croissant-"));
  setStorageBackend(createLocalStorage(root));
});
afterAll(() => fs.rm(root, { recursive: true, force: true }));

type Json = Record<string, unknown>;

describe("Croissant JSON-LD", () => {
  it("has every property the specification requires, and a FileObject per file", async () => {
    const steward = await delegationActor("EG", "EXPERT");
    const d = await createDataset({
      actor: steward,
      input: datasetFields({
        name: "عناوين الأخبار",
        description: "عناوين **مصنفة**.",
        originalLanguage: "ar",
        languages: ["ar"],
        license: "CC-BY-SA-4.0",
        residencyCountry: "EG",
        residencyNote: "القاهرة",
        access: "ON_REQUEST",
        crossBorder: "RESTRICTED",
        recordCount: 95000,
      }),
    });
    await saveDatasetText({ actor: steward, datasetId: d.id, language: "en", name: "News headlines", description: "Labelled **headlines**." });
    for (const [name, content] of [
      ["headlines.jsonl", '{"id":1,"headline":"مرحبا"}\n'],
      ["labels.csv", "id,label\n1,economy\n"],
    ] as const) {
      const stored = await storeUpload({ data: uploadBytes(content), filename: name, maxBytes: 10_000, allowedTypes: DATASET_FILE_TYPES });
      await addDatasetFile({ actor: steward, datasetId: d.id, upload: { ...stored, filename: name } });
    }

    const doc = (await datasetCroissant({ slug: d.slug, lang: "en", origin: "https://concord.example.org" })) as unknown as Json;
    // Survives a JSON round trip unchanged (no BigInt, no Date objects).
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);

    // Dataset level (Croissant 1.0, "Dataset-level information": required properties).
    const context = doc["@context"] as Json;
    expect(context["@vocab"]).toBe("https://schema.org/");
    expect(context.sc).toBe("https://schema.org/");
    expect(context.cr).toBe("http://mlcommons.org/croissant/");
    expect(context.dct).toBe("http://purl.org/dc/terms/");
    expect(context.conformsTo).toBe("dct:conformsTo");
    expect(context["@language"]).toBe("en");
    expect(doc["@type"]).toBe("sc:Dataset");
    expect(doc.conformsTo).toBe(CROISSANT_CONFORMS_TO);
    expect(CROISSANT_CONFORMS_TO).toBe("http://mlcommons.org/croissant/1.0");
    expect(doc.name).toBe("News headlines");
    expect(doc.description).toBe("Labelled **headlines**.");
    expect(doc.license).toBe("https://spdx.org/licenses/CC-BY-SA-4.0.html");
    expect(doc.url).toBe(`https://concord.example.org/en/datasets/${d.slug}`);
    expect(doc.creator).toEqual({ "@type": "sc:Organization", name: "Delegation of Egypt", url: "https://concord.example.org/en/members/eg" });
    expect(doc.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.inLanguage).toEqual(["ar"]);
    expect(doc.conditionsOfAccess).toContain("On request");
    expect(doc.conditionsOfAccess).toContain("Cross-border transfer restricted");
    expect(doc.spatialCoverage).toMatchObject({ "@type": "sc:Place", name: "Egypt" });

    // Resources: a cr:FileObject per file, each with the required contentUrl, encodingFormat and checksum.
    const files = doc.distribution as Json[];
    expect(files).toHaveLength(2);
    const ids = new Set<string>();
    for (const f of files) {
      expect(f["@type"]).toBe("cr:FileObject");
      expect(typeof f["@id"]).toBe("string");
      ids.add(f["@id"] as string);
      expect(typeof f.name).toBe("string");
      expect(f.contentUrl).toMatch(new RegExp(`^https://concord\\.example\\.org/en/datasets/${d.slug}/files/[0-9a-f-]{36}$`));
      expect(f.encodingFormat).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.contentSize).toMatch(/^\d+ B$/);
    }
    expect(ids.size).toBe(2);
    expect(files.map((f) => [f.name, f.encodingFormat])).toEqual([
      ["headlines.jsonl", "application/jsonlines"],
      ["labels.csv", "text/csv"],
    ]);

    // A record set per tabular file, its fields taken from the columns read at upload.
    const recordSets = doc.recordSet as Json[];
    expect(recordSets.map((r) => r.name)).toEqual(["headlines.jsonl", "labels.csv"]);
    for (const r of recordSets) {
      expect(r["@type"]).toBe("cr:RecordSet");
      const file = files.find((f) => f.name === r.name)!;
      for (const field of r.field as Json[]) {
        expect(field["@type"]).toBe("cr:Field");
        expect(field.source).toEqual({ fileObject: { "@id": file["@id"] }, extract: { column: field.name } });
      }
    }
    expect((recordSets[0]!.field as Json[]).map((f) => [f.name, f.dataType])).toEqual([
      ["id", "sc:Integer"],
      ["headline", "sc:Text"],
    ]);
    expect((recordSets[1]!.field as Json[]).map((f) => [f.name, f.dataType])).toEqual([
      ["id", "sc:Integer"],
      ["label", "sc:Text"],
    ]);
    const fieldIds = recordSets.flatMap((r) => (r.field as Json[]).map((f) => f["@id"]));
    expect(new Set(fieldIds).size).toBe(fieldIds.length);

    // In a language without a version, the original's text and language.
    const inRussian = (await datasetCroissant({ slug: d.slug, lang: "ru", origin: "https://concord.example.org" })) as unknown as Json;
    expect(inRussian.name).toBe("عناوين الأخبار");
    expect((inRussian["@context"] as Json)["@language"]).toBe("ar");
  });
});
