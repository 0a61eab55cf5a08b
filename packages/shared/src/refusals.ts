import { forbidden } from './errors.js';

/**
 * What a caller may not see in one answer, refused once per kind: the first field of a kind (names and
 * phones, a household's orders, a pickup list…) is a FORBIDDEN error carrying that field's `path` and
 * saying the others are null too; every other field of that kind is null without an error of its own.
 * The fields refused this way are nullable, so the rest of the answer stands (a committee's pickup list
 * keeps its buildings and rooms when it also asks for names: one error, not one a household). Figures of
 * regions outside the caller's scope are one kind, "figure": a street officer's city dashboard is its street
 * in full and one error per subgraph request, not one for each of the city's communities (the gateway sends the
 * fetches a request starts at once to one subgraph as one request, so their refusals of a kind are one error).
 */
export class Refusals {
  private readonly told = new Set<string>();

  /** Throws FORBIDDEN the first time a kind is refused in the request; afterwards null. `kind` reads in the error, e.g. "name or phone". */
  refuse(kind: string, message: string): null {
    if (this.told.has(kind)) return null;
    this.told.add(kind);
    throw forbidden(`${message} Every other ${kind} refused to you in this answer is null as well.`);
  }
}
