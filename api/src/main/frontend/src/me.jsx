// The signed-in user ({name, groups, platform}), read once and shared.
import { createContext, useContext } from 'react';

export const MeContext = createContext(null);
export const useMe = () => useContext(MeContext);
