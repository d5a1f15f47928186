/** Headers of the dev and preview servers. */

// Cross-origin isolation gives SharedArrayBuffer, so onnxruntime-web can use
// WASM threads. Static hosts must send the same two headers (see README).
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
