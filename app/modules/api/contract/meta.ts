// The API describing itself.
import { endpoint } from "./endpoint";
import { NoQuery } from "./common";
import { z } from "./zod";

export const getOpenApi = endpoint({
  id: "getOpenApi",
  tag: "meta",
  method: "get",
  path: "/openapi.json",
  auth: "public",
  params: z.object({}),
  query: NoQuery,
  response: z
    .object({ openapi: z.literal("3.1.0") })
    .passthrough()
    .openapi({ description: "An OpenAPI 3.1 document." }),
});
