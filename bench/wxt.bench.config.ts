/**
 * The project's WXT config, building into the bench's own directory
 * (`FACTLENS_BENCH_OUT`, default `bench-results/build`) so a benchmark never
 * races a build or a browser test of `.output/`.
 */
import base from '../wxt.config';

export default { ...base, outDir: process.env.FACTLENS_BENCH_OUT ?? 'bench-results/build' };
