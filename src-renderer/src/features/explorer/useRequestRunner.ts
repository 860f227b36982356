// Each open tab now sends its own requests and keeps its own response (features/tabs); the
// response panel still takes the running request's type from here.
export type { RunningRequest } from '../tabs/tabsModel';
