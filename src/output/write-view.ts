/**
 * OUT/view/: the files the viewer loads (see src/layout/schema.ts). A
 * cluster's file is named by its id alone, checked against CLUSTER_ID, so no
 * text from the logs ever reaches a path.
 */
import { CLUSTER_ID, type ViewFiles } from '../layout/index.ts';
import type { AtomicDir } from './atomic-dir.ts';

const compact = (value: unknown) => JSON.stringify(value) + '\n';

export async function writeView(dir: AtomicDir, view: ViewFiles): Promise<void> {
  await dir.mkdir('view/clusters');
  await dir.write('view/overview.json', compact(view.overview));
  await dir.write('view/search.json', compact(view.search));
  for (const file of view.clusters) {
    if (!CLUSTER_ID.test(file.id)) throw new Error(`cluster id ${JSON.stringify(file.id)} is not c_ + 10 hex digits; refusing to use it as a file name`);
    dir.writeNow(`view/clusters/${file.id}.json`, compact(file));
  }
}
