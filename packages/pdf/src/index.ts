import { InputError, type AdapterOptions, type AdapterResult } from '@qualspec/blocks';

/** Stub until the adapter lands. */
export async function pdfToBlocks(bytes: Uint8Array, options: AdapterOptions = {}): Promise<AdapterResult> {
  void bytes;
  void options;
  throw new InputError('unsupported', 'pdf input is not supported yet');
}
