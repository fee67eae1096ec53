// Which model an lm-evaluation-harness results file evaluated, read from what
// the file says: `config.model_args` (a "key=value,…" string or an object:
// pretrained=, peft=, delta=, base_name=, model=, engine=, revision=), the
// harness's `model_name`, `config.model_revision` and `config.model_sha`.
// Pure: no database. The harness itself derives `model_name` by looking for
// "peft=", "delta=", "pretrained=", "model=", "path=", "engine=" as substrings of
// model_args, so a steered model's "steer_path=examples/dog_steer.csv" becomes
// its model_name: a local path, never taken here for a repository.

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** How the file names the evaluated model. */
export type ModelReferenceKind = "repository" | "path" | "name";

export type LmEvalModel = {
  /** The evaluated model as the file names it (a repository id, a local path or a bare name), if it does. */
  named: string | null;
  namedKind: ModelReferenceKind | null;
  /** The model_args key it came from ("pretrained", "peft", "base_name"…) or "model_name". */
  namedBy: string | null;
  /** Its repository id when it is one (what the registry is matched on). */
  repository: string | null;
  /** For an adapter (peft=, delta=): the repository of the model it was applied to. */
  baseRepository: string | null;
  revision: string | null;
  sha: string | null;
};

/** model_args keys that name the evaluated model, the most specific first (an adapter before its base). */
const MODEL_KEYS = ["peft", "delta", "pretrained", "base_name", "model", "engine", "path", "model_name"] as const;
const ADAPTER_KEYS = new Set(["peft", "delta"]);

const REPOSITORY = /^[A-Za-z0-9][\w.-]{0,95}\/[\w.-]{1,100}$/;
/** Endings of files, not of model repositories (which may contain dots: Qwen/Qwen2.5-7B). */
const FILE_ENDING = /\.(csv|tsv|json|jsonl|ya?ml|txt|pt|pth|bin|safetensors|gguf|ggml|onnx|pkl|pickle|npy|npz|h5|ckpt|model|zip|tar|gz)$/i;

/** "org/name" is a repository id; "/data/x", "./x", "a/b/c" or "examples/dog_steer.csv" are paths; "gpt-4o" is a name. */
export function referenceKind(value: string): ModelReferenceKind {
  if (/^(\/|\.{1,2}\/|~|[A-Za-z]:\\)/.test(value) || value.includes("\\") || FILE_ENDING.test(value)) return "path";
  if (REPOSITORY.test(value)) return "repository";
  return value.includes("/") ? "path" : "name";
}

/**
 * model_args as key/value pairs. The harness writes a string "k=v,k=v" (values
 * may contain "=" but not ","), or an object.
 */
export function parseModelArgs(args: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const put = (key: string, value: unknown) => {
    const k = key.trim().toLowerCase();
    const v = typeof value === "string" ? value.trim() : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
    if (k && v && !out.has(k)) out.set(k, v.slice(0, 500));
  };
  if (typeof args === "string") {
    for (const part of args.split(",")) {
      const eq = part.indexOf("=");
      if (eq > 0) put(part.slice(0, eq), part.slice(eq + 1));
    }
  } else if (isObject(args)) {
    for (const [k, v] of Object.entries(args)) put(k, v);
  }
  return out;
}

const text = (v: unknown, max = 200): string | null => (typeof v === "string" && v.trim() ? v.trim().slice(0, max) : null);

export function modelOfFile(root: JsonObject, config: JsonObject): LmEvalModel {
  const args = parseModelArgs(config.model_args);
  const candidates: { key: string; value: string }[] = [];
  for (const key of MODEL_KEYS) {
    const value = args.get(key);
    if (value) candidates.push({ key, value });
  }
  const harnessName = text(root.model_name) ?? text(config.model_name);
  if (harnessName) candidates.push({ key: "model_name", value: harnessName });

  // The evaluated model: the first reference that is a repository id; failing that, the first of any kind.
  const chosen = candidates.find((c) => referenceKind(c.value) === "repository") ?? candidates[0] ?? null;
  const kind = chosen ? referenceKind(chosen.value) : null;
  const pretrained = args.get("pretrained");
  const baseRepository = chosen && ADAPTER_KEYS.has(chosen.key) && pretrained && referenceKind(pretrained) === "repository" && pretrained !== chosen.value ? pretrained : null;
  const sha = text(config.model_sha, 100);
  return {
    named: chosen?.value ?? null,
    namedKind: kind,
    namedBy: chosen?.key ?? null,
    repository: kind === "repository" ? chosen!.value : null,
    baseRepository,
    revision: text(config.model_revision, 100) ?? args.get("revision")?.slice(0, 100) ?? null,
    sha: sha && /^[0-9a-f]{7,64}$/i.test(sha) ? sha.toLowerCase() : sha,
  };
}

/**
 * A short name to look for in the registry when nothing matches exactly: the
 * last segment of a repository id or path, without a file ending
 * ("google/gemma-2-2b" → "gemma-2-2b"; "/models/Qwen2.5-7B/" → "Qwen2.5-7B").
 */
export function nameHint(model: Pick<LmEvalModel, "named" | "namedKind">): string | null {
  if (!model.named) return null;
  const segments = model.named.replace(/[\\/]+$/, "").split(/[\\/]/);
  const last = (segments[segments.length - 1] ?? "").replace(FILE_ENDING, "");
  return last.length >= 2 ? last.slice(0, 100) : null;
}
