// zod with `.openapi()` (zod-to-openapi 7, the line for zod 3): the API's
// response shapes are written once, as zod schemas, and the OpenAPI document is
// generated from them (ADR 017).
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

export { z };
