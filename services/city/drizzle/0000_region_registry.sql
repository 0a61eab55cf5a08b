CREATE TABLE "regions" (
	"id" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	CONSTRAINT "regions_code_matches_level" CHECK ("regions"."id" ~ '^[0-9]+$' AND char_length("regions"."id") = CASE "regions"."level"
        WHEN 'CITY' THEN 4 WHEN 'DISTRICT' THEN 6 WHEN 'STREET' THEN 9 WHEN 'COMMUNITY' THEN 12 END),
	CONSTRAINT "regions_parent_is_prefix" CHECK (("regions"."level" = 'CITY' AND "regions"."parent_id" IS NULL) OR ("regions"."level" <> 'CITY' AND left("regions"."id", char_length("regions"."parent_id")) = "regions"."parent_id"))
);
--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_id_idx" ON "regions" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "regions_level_idx" ON "regions" USING btree ("level");