import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Cross-origin isolation gives SharedArrayBuffer, so onnxruntime-web can use
// WASM threads. Static hosts must send the same two headers (see README).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: { format: 'es' },
});
