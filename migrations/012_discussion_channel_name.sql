-- The referat says where the discussion was held by the channel's name, as the platform called it when the
-- discussion concluded; the id alone means nothing to an inspector reading the PDF.
ALTER TABLE discussions ADD COLUMN IF NOT EXISTS channel_name text;
