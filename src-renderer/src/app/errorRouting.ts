// Errors that change what the whole app shows (signed out, session ended) are handled by the App,
// wherever the failing call was made; features report every failed call here.
import { createContext, useContext } from 'react';
import type { AppErrorView } from '../../../src-main/shared/contract';

export type ReportError = (error: AppErrorView) => void;

export const ReportErrorContext = createContext<ReportError>(() => {});

export const useReportError = (): ReportError => useContext(ReportErrorContext);
