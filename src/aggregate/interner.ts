/** Strings to dense integer ids, in first-seen order; `names[id]` is the string. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  /** The id of `name`, checking `guess` (e.g. the previous id) first to skip the lookup. */
  idNear(name: string, guess: number): number {
    return guess >= 0 && this.names[guess] === name ? guess : this.id(name);
  }

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }
}
