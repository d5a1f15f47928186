// @echogarden/pffft-wasm ships no types; the module shape is declared in pffft.ts.
declare module '@echogarden/pffft-wasm/simd' {
  const factory: (moduleArg?: object) => Promise<unknown>;
  export default factory;
}
