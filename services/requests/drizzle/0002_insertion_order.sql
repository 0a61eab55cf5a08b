ALTER TABLE "requests" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "summons" ADD COLUMN "seq" bigserial NOT NULL;