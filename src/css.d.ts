/** A stylesheet imported as a string (minified by the build; Vitest reads it through Vite). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
