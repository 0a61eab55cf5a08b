ALTER TABLE "group_buys" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "match_actions" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "micro_project_reports" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "micro_projects" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "project_rounds" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "time_credit_entries" ADD COLUMN "seq" bigserial NOT NULL;