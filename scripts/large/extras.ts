// Bulk generation for the research catalogue and strategies (filled in once those schemas settle).
import type pg from "pg";
import type { Scale } from "./core";

export async function generateExtras(_client: pg.Client, _scale: Scale): Promise<void> {}
