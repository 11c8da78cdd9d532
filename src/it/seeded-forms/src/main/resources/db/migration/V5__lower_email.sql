UPDATE events SET email = lower(email);
