import { useCallback, useState } from 'react';

const STORAGE_KEY = 'kollega.doctorName';

function readStoredName(): string {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/** The doctor's name for approvals and dismissals, remembered on this device between consultations. */
export function useDoctorName(): [string, (name: string) => void] {
  const [name, setNameState] = useState(readStoredName);
  const setName = useCallback((next: string) => {
    setNameState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next.trim());
    } catch {
      // Then the name is kept for this page only.
    }
  }, []);
  return [name, setName];
}
