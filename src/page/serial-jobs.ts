/**
 * Runs asynchronous jobs one at a time, in the order asked: a rescan never
 * starts while another scan of the page is part-way, so two never index the
 * same text nodes at once.
 */
export class SerialJobs {
  #last: Promise<unknown> = Promise.resolve();

  /** Run `job` after every job queued before it has settled; resolves or rejects as it does. */
  run<T>(job: () => Promise<T>): Promise<T> {
    const next = this.#last.then(job, job);
    this.#last = next.catch(() => {});
    return next;
  }
}
