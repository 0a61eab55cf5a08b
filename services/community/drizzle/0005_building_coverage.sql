ALTER TABLE "buildings" ADD COLUMN "covered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "buildings" b SET "covered" = NOT EXISTS (
  SELECT 1 FROM generate_series(1, b."floors") AS f
  WHERE NOT EXISTS (SELECT 1 FROM "party_member_assignments" a WHERE a."building_id" = b."id" AND f BETWEEN a."floor_from" AND a."floor_to"));
