// Bulk generation for the research catalogue: models, evaluation results, datasets.
import type pg from "pg";
import type { Scale } from "./core";

export async function generateResearch(_client: pg.Client, _scale: Scale): Promise<void> {}
