import { BackendError } from './errors.js';
import type { ArticleImage, Named, RatingSummary } from './schema.js';

/**
 * Reads fields out of a backend's JSON, failing with a `bad-response` error that names the
 * field and where it came from, never with a TypeError deep inside an element.
 */
export class Shape {
  constructor(
    private readonly value: unknown,
    private readonly where: string,
  ) {
    if (typeof value !== 'object' || value === null) {
      throw new BackendError('bad-response', `${where} is not an object`);
    }
  }

  private field(name: string): unknown {
    return (this.value as Record<string, unknown>)[name];
  }

  private fail(name: string, expected: string): never {
    throw new BackendError(
      'bad-response',
      `${this.where}: field "${name}" is missing or not ${expected}`,
    );
  }

  string(name: string): string {
    const value = this.field(name);
    return typeof value === 'string' ? value : this.fail(name, 'a string');
  }

  optionalString(name: string, fallback = ''): string {
    const value = this.field(name);
    return value === undefined || value === null
      ? fallback
      : typeof value === 'string'
        ? value
        : this.fail(name, 'a string');
  }

  number(name: string): number {
    const value = this.field(name);
    return typeof value === 'number' && Number.isFinite(value)
      ? value
      : this.fail(name, 'a number');
  }

  /** An id, which backends send as a number or a string. */
  id(name: string): string {
    const value = this.field(name);
    return typeof value === 'number' || (typeof value === 'string' && value)
      ? String(value)
      : this.fail(name, 'an id');
  }

  boolean(name: string): boolean {
    const value = this.field(name);
    return typeof value === 'boolean' ? value : this.fail(name, 'true or false');
  }

  object(name: string): Shape {
    return new Shape(this.field(name), `${this.where}.${name}`);
  }

  optionalObject(name: string): Shape | null {
    const value = this.field(name);
    return value === undefined || value === null ? null : new Shape(value, `${this.where}.${name}`);
  }

  array(name: string): Shape[] {
    const value = this.field(name);
    if (!Array.isArray(value)) this.fail(name, 'a list');
    return value.map((item, index) => new Shape(item, `${this.where}.${name}[${index}]`));
  }

  /** A list that may be absent (then empty). */
  optionalArray(name: string): Shape[] {
    return this.field(name) === undefined || this.field(name) === null ? [] : this.array(name);
  }

  named(name: string): Named | null {
    const shape = this.optionalObject(name);
    return shape && { id: shape.id('id'), name: shape.string('name') };
  }

  image(name: string): ArticleImage | null {
    const shape = this.optionalObject(name);
    return (
      shape && {
        url: shape.string('url'),
        alt: shape.optionalString('alt'),
        caption: shape.optionalString('caption'),
      }
    );
  }

  rating(): RatingSummary {
    const yourScore = this.field('yourScore');
    return {
      total: this.number('total'),
      count: this.number('count'),
      average: this.number('average'),
      open: this.boolean('open'),
      ...(typeof yourScore === 'number' ? { yourScore } : {}),
    };
  }
}
