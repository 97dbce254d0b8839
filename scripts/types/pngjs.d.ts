/**
 * Minimal types for the part of `pngjs` the packaging scripts use.
 * (`@types/pngjs` is not installed; if it ever is, delete this file.)
 */
declare module 'pngjs' {
  export interface PNGOptions {
    width?: number;
    height?: number;
    colorType?: number;
    inputColorType?: number;
    bitDepth?: number;
    inputHasAlpha?: boolean;
  }

  export class PNG {
    constructor(options?: PNGOptions);
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, row-major. */
    data: Buffer;
    static sync: {
      read(buffer: Buffer, options?: Record<string, unknown>): PNG & { colorType?: number; alpha?: boolean };
      write(png: PNG | { width: number; height: number; data: Buffer }, options?: PNGOptions): Buffer;
    };
  }
}
