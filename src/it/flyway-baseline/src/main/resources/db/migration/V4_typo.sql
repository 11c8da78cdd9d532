TRUNCATE items;
