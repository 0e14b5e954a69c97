// The date written into the PDFs and the PowerPoint file, so that building the same lesson twice gives the same bytes.

/**
 * The lesson's `date`, else the standard SOURCE_DATE_EPOCH (seconds since 1970, given by the host) when it is set,
 * else a fixed date.
 */
export function documentDate(date: string | undefined, sourceDateEpoch: string | undefined): Date {
  if (date) return new Date(`${date}T00:00:00Z`);
  const seconds = Number(sourceDateEpoch);
  if (sourceDateEpoch && Number.isInteger(seconds) && seconds >= 0) return new Date(seconds * 1000);
  return new Date(Date.UTC(2000, 0, 1));
}
