/** Where the encoded choice lives. Implementations never throw. */
export interface ConsentStorage {
  /** The stored string, or null. */
  read(): string | null;
  /** Store `value` until `expires`; false if it could not be stored. */
  write(value: string, expires: Date): boolean;
  remove(): void;
}
