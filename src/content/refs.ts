// Refs for interactive elements: the same element keeps its ref across snapshots while its role
// and name stay the same; it gets a new one when either changes, so a stale ref cannot silently
// point at something that now means another thing.

interface Entry {
  ref: string;
  key: string;
}

export class RefRegistry {
  private next = 1;
  private readonly byElement = new WeakMap<Element, Entry>();
  private readonly byRef = new Map<string, WeakRef<Element>>();

  refFor(element: Element, role: string, name: string): string {
    const key = `${role}\u0000${name}`;
    const known = this.byElement.get(element);
    if (known && known.key === key) return known.ref;
    if (known) this.byRef.delete(known.ref);
    const ref = `e${this.next++}`;
    this.byElement.set(element, { ref, key });
    this.byRef.set(ref, new WeakRef(element));
    return ref;
  }

  /** The element a ref was given to, if it is still in a document. */
  elementFor(ref: string): Element | undefined {
    const element = this.byRef.get(ref)?.deref();
    if (!element?.isConnected) {
      this.byRef.delete(ref);
      return undefined;
    }
    return element;
  }
}
