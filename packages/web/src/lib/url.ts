// Imports nothing, so the Vite config can use it too.

/** Whether `url` is an absolute http(s) URL. */
export const isHttpUrl = (url: unknown): url is string => {
  if (typeof url !== "string") return false;
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
};
