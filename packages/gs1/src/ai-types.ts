/** Shapes of the AI table generated from the GS1 Barcode Syntax Dictionary. */

/** Character sets: N = digits, 82/39/64 = GS1 CSET 82, CSET 39, CSET 64 (file-safe base64). */
export type Charset = 'N' | '82' | '39' | '64';

export interface AiComponent {
  readonly charset: Charset;
  readonly min: number;
  readonly max: number;
  /** Written as `[...]` in the dictionary: may be absent once the data is exhausted. */
  readonly optional: boolean;
  /** Linter names, applied in order after the character-set check. */
  readonly linters: readonly string[];
}

export interface AiEntry {
  readonly ai: string;
  readonly title: string;
  /** Flag `*`: predefined length, no FNC1/GS separator needed after it. */
  readonly fixedLength: boolean;
  /** Flag `?`: allowed as a GS1 Digital Link query attribute. */
  readonly dlAttribute: boolean;
  readonly components: readonly AiComponent[];
  /**
   * One item per `req=` attribute. Each item lists alternatives; an alternative
   * lists AI patterns joined by `+` in the dictionary (all must be present).
   * Patterns may end in `n` wildcards (`31nn`).
   */
  readonly req: readonly (readonly (readonly string[])[])[];
  /** One item per `ex=` attribute: AI patterns that must not appear together with this AI. */
  readonly ex: readonly (readonly string[])[];
  /**
   * `null` when the AI is not a Digital Link primary key. Otherwise the
   * alternative ordered qualifier sequences (`[[]]` for a bare `dlpkey`).
   */
  readonly dlpkey: readonly (readonly string[])[] | null;
}
