// Per-request values the server renders into the page (CSP nonce, request id),
// available to components through context on both server and browser.
import { createContext, useContext } from "react";

export type RequestInfo = { nonce: string; requestId: string };

const RequestInfoContext = createContext<RequestInfo>({ nonce: "", requestId: "" });

export const RequestInfoProvider = RequestInfoContext.Provider;

export function useRequestInfo(): RequestInfo {
  return useContext(RequestInfoContext);
}
