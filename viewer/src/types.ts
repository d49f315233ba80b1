/**
 * Types of the view files (OUT/view/), from the layout stage's schemas: the one contract between
 * the build and the viewer. Types only; the viewer bundles no zod.
 */
export type {
  ClusterAccount,
  ClusterEdge,
  ClusterFile,
  ClusterNode,
  OverviewFile,
  OverviewLink,
  OverviewNode,
  RunFacts,
  SearchEntry,
  SearchFile,
  ViewEvidenceType,
} from '../../src/layout/schema.ts';
