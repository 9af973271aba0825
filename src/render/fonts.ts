import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The typeface every PDF embeds: Noto Sans (SIL Open Font License), from its npm package, with æ, ø, å and the rest
 * of Latin, Greek and Cyrillic, so a name prints as written on any reader's machine.
 */
export const FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
};
