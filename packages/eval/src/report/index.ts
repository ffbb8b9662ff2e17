export * from './html';
export * from './format';
export * from './bar-chart';
export * from './render-report';
export * from './format-summary-table';
