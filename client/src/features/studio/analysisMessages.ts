// What the page and the analysis worker say to each other.
import type { AgreementSpaceReport } from '@shared/analysis/agreementSpace';
import type { BalanceReport } from '@shared/bots/balance';

export interface ToWorker {
  text: string;
  file: string;
  games: number;
  seed: number;
}

export type FromWorker =
  | { type: 'space'; report: AgreementSpaceReport }
  | { type: 'progress'; done: number; total: number }
  | { type: 'balance'; report: BalanceReport; surplusBand: { min: number; max: number } }
  | { type: 'error'; message: string };
