module Main (main) where

import qualified Data.Map.Strict as Map
import Data.List (sortBy)
import Data.Ord (comparing, Down (..))

-- | Count how often each word occurs.
wordFreq :: String -> Map.Map String Int
wordFreq = Map.fromListWith (+) . map (\w -> (w, 1)) . words

top :: Int -> Map.Map String Int -> [(String, Int)]
top n = take n . sortBy (comparing (Down . snd)) . Map.toList

data Report = Report
  { total :: Int
  , unique :: Int
  } deriving (Show, Eq)

report :: Map.Map String Int -> Report
report m = Report { total = sum (Map.elems m), unique = Map.size m }

main :: IO ()
main = do
  text <- getContents
  let freq = wordFreq text
  mapM_ print (top 10 freq)
  print (report freq)
