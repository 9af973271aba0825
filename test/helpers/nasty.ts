/** A fixed corpus of hostile and unusual input, used by every entry point's tests. */
export const NASTY_TEXTS: readonly string[] = [
  "",
  "   ",
  "x".repeat(40_000),
  "nul\u0000byte",
  "kontrol\u0001\u0007\u001b[31mtegn",
  "مرحبا بالعالم \u202Eعكس\u202C",
  "😀🎉 emoji 👩‍👩‍👧",
  "<!channel> alle sammen",
  "<!here|here> og <!everyone>",
  "hej <@U012AB3CD> og <#C012AB3CD>",
  "<http://x.example|klik her>",
  "'; DROP TABLE entries; --",
  "Robert'); DELETE FROM workspaces WHERE ('1'='1",
  "*fed* _kursiv_ ~streg~ `kode` > citat",
  "&amp; &lt; &gt; & < >",
  "æøå ÆØÅ",
];

export const NASTY_DATES: readonly string[] = [
  "31/02/2027",
  "2027-02-31",
  "30-02-2027",
  "2020-01-01",
  "10000-01-01",
  "01/01/10000",
  "i morgen",
  "",
  "2027-13-01",
  "0000-00-00",
];
