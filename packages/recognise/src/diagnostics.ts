/**
 * Diagnostics in the vfile-message habit: a stable kebab-case code, a message, where it is
 * (place) and which part of qualspec raised it (source). Nothing noticed is thrown away.
 */
import type { Place } from '@qualspec/blocks';
import type { Diagnostic, Severity } from '@qualspec/model';

export const SOURCE = 'qualspec:recognise';

export class Diagnostics {
  readonly list: Diagnostic[] = [];

  add(severity: Severity, code: string, message: string, unit: string | null = null, place: Place | null = null, source = SOURCE): void {
    const location = place && (place.page != null || place.line != null) ? { page: place.page, line: place.line } : null;
    this.list.push({ severity, code, message, unit, location, source, place: location ? { line: location.line, page: location.page } : null });
  }
  error(code: string, message: string, unit: string | null = null, place: Place | null = null): void {
    this.add('error', code, message, unit, place);
  }
  warn(code: string, message: string, unit: string | null = null, place: Place | null = null): void {
    this.add('warning', code, message, unit, place);
  }
  info(code: string, message: string, unit: string | null = null, place: Place | null = null): void {
    this.add('info', code, message, unit, place);
  }
}
