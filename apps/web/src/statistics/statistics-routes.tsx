import type { ReactNode } from 'react';
import { StatisticsPage } from './statistics-page';

/** The statistics page by path, or undefined. */
export function renderStatisticsRoute(pathname: string): ReactNode | undefined {
  return pathname.replace(/\/+$/, '') === '/statistikk' ? <StatisticsPage /> : undefined;
}
