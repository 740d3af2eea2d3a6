import { InputError, type AdapterOptions, type AdapterResult } from '@qualspec/blocks';

/** Stub until the adapter lands. */
export async function docxToBlocks(bytes: Uint8Array, options: AdapterOptions = {}): Promise<AdapterResult> {
  void bytes;
  void options;
  throw new InputError('unsupported', 'docx input is not supported yet');
}
